"""Text handling shared by every stage: protected spans and sentences."""
