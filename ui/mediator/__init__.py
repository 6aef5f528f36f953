"""Mediator mode, the staff's panel over the person's screen: in French only, and always left to right."""
