"""The PDF writer's stages; see ``newsconv.writers.pdf``."""
