"""One person's visit: where they can be, how they move, what is known of them, help, recap, resume, idle."""
