"""The seq2seq stage: training data from the banks, tokenizer, training, inference.

Only ``inference`` is used at run time, and only when a model is shipped; it
and ``train`` import torch, the rest does not.
"""
