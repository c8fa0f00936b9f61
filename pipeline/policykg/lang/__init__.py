"""Language data: one module of constants per language."""
