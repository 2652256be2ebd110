import shutil
import socket
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
CACHE_DIR = BASE_DIR / ".cache"
VAR_DIR = BASE_DIR / "var"


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def require_command(name: str, hint: str) -> str:
    path = shutil.which(name)
    if not path:
        raise FileNotFoundError(hint)
    return path
