"""A real SMTP server for mail tests: aiosmtpd on a free loopback port.

"The mail server is down" means nothing listens on that port yet; starting the
controller brings it up.
"""

import threading


class Collector:
    """Keeps every message the server accepts."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append(envelope)
        return "250 Message accepted"
