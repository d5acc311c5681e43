"""Byte transports (USB, serial, TCP, memory) behind one small interface; protocols never care
which one carries their bytes."""
