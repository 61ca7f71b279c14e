"""The one base class for errors that a user's input causes (and that the command line reports in one line).

Everything the user can get wrong -- a malformed claims file, an instance without a spectral
gap, ``k >= d``, a step size ``eta <= 0``, an unknown dataset -- raises a subclass of
:class:`UserError` whose message names the problem and the fix.  Any other exception is a bug
in salign, and the command line says so instead of disguising it as bad input.
"""


class UserError(ValueError):
    """Bad input: the message names the problem and how to fix it."""

    def __str__(self):  # KeyError-style subclasses would otherwise print their message quoted
        return str(self.args[0]) if self.args else ""
