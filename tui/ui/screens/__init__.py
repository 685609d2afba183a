"""The app's full screens: the library, the reader and the settings."""
