"""Client addresses: whether one falls in a set of networks (the trusted proxies)."""

from __future__ import annotations

import ipaddress


def in_networks(address: str, networks: tuple) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)
