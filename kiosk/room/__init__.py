"""The room link: a kiosk's status and help requests to the desk's console through an MQTT broker."""
