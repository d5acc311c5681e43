"""app/persistence"""
