"""The technician's devices console and the scan plumbing of the client."""
