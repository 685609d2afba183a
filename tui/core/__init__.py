"""The engine, index, search and settings logic; nothing here imports Textual."""
