"""The app's screens: library, reader, finder, help and settings."""
