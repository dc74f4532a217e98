"""Performance benchmark of Backstep against Rasa's starter assistant (`make bench`)."""
