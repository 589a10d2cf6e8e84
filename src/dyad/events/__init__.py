"""Events: CAMEO-coded predicates with their actors, modality and evidence."""

from dyad.events.extract import EventExtractor
from dyad.events.lexicon import Lexicon, default_lexicon, load_lexicon

__all__ = ["EventExtractor", "Lexicon", "default_lexicon", "load_lexicon"]
