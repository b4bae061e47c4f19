"""Word lists, one module per language: every list the analyses read is named and documented once."""
