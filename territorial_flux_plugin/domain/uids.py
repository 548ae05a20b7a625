"""Row identifiers: lowercase 36-character version 4 UUIDs, as ``str(uuid.uuid4())`` writes them."""

import os
import re

UID_PATTERN = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

# the variant digit of a version 4 UUID (binary 10xx): one of 8, 9, a, b
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def random_uids(count):
    """``count`` random version 4 UUIDs, from one read of the system's random source.

    The same 122 random bits a UUID from :func:`uuid.uuid4` has, made in bulk: an import makes
    two per row (the company's and its audit entry's), and :func:`uuid.uuid4` reads the random
    source and builds an object for each.
    """
    digits = os.urandom(16 * count).hex()
    variant = _VARIANT
    return ["{}-{}-4{}-{}{}-{}".format(h[:8], h[8:12], h[13:16], variant[h[16]], h[17:20], h[20:])
            for h in (digits[i:i + 32] for i in range(0, 32 * count, 32))]
