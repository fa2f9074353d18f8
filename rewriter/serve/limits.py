"""The server's settings and limits: what a request may cost."""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_MAX_BYTES = 100_000        # a request body; larger is answered 413
DEFAULT_TIMEOUT_S = 10.0           # one rewrite or check; longer is answered 503
DEFAULT_WORKERS = 4                # threads that run rewrites
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Settings:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout_s: float = DEFAULT_TIMEOUT_S
    workers: int = DEFAULT_WORKERS
    config: str | None = None                       # organisation settings file (rewriter.toml)
    engines: tuple[str, ...] = ("template",)        # as the CLI: the model only when asked
    allow_origins: tuple[str, ...] = ()             # CORS: none unless asked
    allowed_hosts: tuple[str, ...] = field(default=())   # Host header check; () = derived from host

    def hosts(self) -> list[str]:
        """Host headers answered: loopback names when bound to loopback (no DNS rebinding), else any."""
        if self.allowed_hosts:
            return list(self.allowed_hosts)
        return list(LOOPBACK_HOSTS) if is_loopback(self.host) else ["*"]
