"""Practice mode on screen: the simulated site in a fake browser, beside the kiosk's explanations."""
