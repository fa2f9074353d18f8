"""Plan one reply per message: which tone, which offer, which sentences say what."""
