"""Where ``salign nn`` computes (``--device``) and JAX's persistent compilation cache (``--no-jax-cache``).

``--device auto`` (the default) uses an accelerator when JAX has one (a GPU, else a TPU), else
the CPU; ``cpu``, ``gpu`` or ``tpu`` ask for that one, and asking for one that JAX does not have
is a one-line :class:`.nn_data.NNError` (exit 2).  The choice becomes JAX's default device, so
every array the experiment creates lives there; :func:`describe` is what ``summary.json`` records.

Compiled XLA programs are kept in a persistent cache, so that a second run skips the
compilation: the folder is ``$SALIGN_JAX_CACHE`` when set (``off`` or empty: no cache), else
``$XDG_CACHE_HOME/salign/jax`` (``~/.cache/salign/jax``).  The cache changes no number: it
stores the programs, not their results.
"""

from __future__ import annotations

import os
from pathlib import Path

from .nn_data import NNError

#: what ``--device`` accepts
DEVICES = ("auto", "cpu", "gpu", "tpu")
#: the environment variable naming the cache folder (``off`` or empty: no cache)
CACHE_ENV = "SALIGN_JAX_CACHE"
#: programs that compile faster than this are not worth a file in the cache
MIN_COMPILE_SECONDS = 0.2
#: what :func:`use` was last asked for (``summary.json`` records it beside the device)
_requested: list[str] = []


def _platform_devices(platform: str) -> list:
    """JAX's devices of ``platform``, or ``[]`` when JAX has none (no backend, or none initialised)."""
    import jax

    try:
        return list(jax.devices(platform))
    except RuntimeError:
        return []


def select(name: str = "auto"):
    """The device ``name`` asks for (:data:`DEVICES`); raise :class:`.nn_data.NNError` when JAX has none."""
    if name not in DEVICES:
        raise NNError(f"device = {name!r}; pass --device {', '.join(DEVICES)}")
    if name == "auto":
        for platform in ("gpu", "tpu", "cpu"):
            found = _platform_devices(platform)
            if found:
                return found[0]
        raise NNError("JAX finds no device at all; check the jax installation")  # pragma: no cover - jax has a CPU
    found = _platform_devices(name)
    if not found:
        import jax

        have = sorted({d.platform for d in jax.devices()})
        raise NNError(f"JAX has no {name.upper()} here (it has: {', '.join(have)}); pass --device auto or cpu, or "
                      f"install a jax build for the {name.upper()}")
    return found[0]


def use(name: str = "auto"):
    """Make the device ``name`` asks for JAX's default device (for the rest of the process); returns it."""
    import jax

    device = select(name)
    jax.config.update("jax_default_device", device)
    _requested[:] = [name]
    return device


def current():
    """The device the experiment computes on now: JAX's default device, else its first."""
    import jax

    return jax.config.jax_default_device or jax.devices()[0]


def describe(device=None, requested: str | None = None) -> dict:
    """A device as JSON (``summary.json``): platform, kind, id, and what was asked for (``--device``), if anything."""
    device = current() if device is None else device
    out = {"platform": device.platform, "kind": device.device_kind, "id": device.id}
    requested = requested if requested is not None else (_requested[0] if _requested else None)
    if requested is not None:
        out["requested"] = requested
    return out


def cache_folder(environ=None) -> Path | None:
    """The persistent cache's folder: ``$SALIGN_JAX_CACHE``, else ``$XDG_CACHE_HOME/salign/jax``; None when off."""
    environ = os.environ if environ is None else environ
    if CACHE_ENV in environ:
        value = environ[CACHE_ENV].strip()
        return None if value.lower() in ("", "off", "0", "no", "false") else Path(value).expanduser()
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "salign" / "jax"


def _reset() -> None:
    """Make JAX look at the cache settings again (it decides once per process, at its first compilation)."""
    try:
        from jax._src import compilation_cache
    except ImportError:  # pragma: no cover - a JAX without the module: the settings apply as they can
        return
    compilation_cache.reset_cache()


def enable_cache(folder: Path | None = None) -> Path | None:
    """Keep compiled programs in ``folder`` (default :func:`cache_folder`); returns the folder, or None when off.

    A folder that cannot be created leaves the cache off (the run is then only slower).
    """
    import jax

    folder = cache_folder() if folder is None else folder
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if jax.config.jax_compilation_cache_dir != str(folder):
        jax.config.update("jax_compilation_cache_dir", str(folder))
        jax.config.update("jax_persistent_cache_min_compile_time_secs", MIN_COMPILE_SECONDS)
        _reset()
    return folder


def disable_cache() -> None:
    """No persistent cache for the rest of the process (JAX's default)."""
    import jax

    jax.config.update("jax_compilation_cache_dir", None)
    _reset()


def setup(device: str = "auto", cache: bool = True) -> dict:
    """What ``salign nn`` does before computing: the device (:func:`use`) and the cache (:func:`enable_cache`)."""
    dev = use(device)
    folder = enable_cache() if cache else None
    return {"device": describe(dev, device), "cache": None if folder is None else str(folder)}


__all__ = ["CACHE_ENV", "DEVICES", "cache_folder", "current", "describe", "disable_cache", "enable_cache", "select", "setup",
           "use"]
