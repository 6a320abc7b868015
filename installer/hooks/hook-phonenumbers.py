# Replaces pyinstaller-hooks-contrib's hook, which takes every phonenumbers submodule:
# the program parses and validates numbers, which needs the per-region metadata (loaded
# by name at run time, hence hidden imports) but not the geocoding, carrier or time-zone
# tables (tens of MB).
from PyInstaller.utils.hooks import collect_submodules

UNUSED = (
    "phonenumbers.geodata",
    "phonenumbers.carrierdata",
    "phonenumbers.tzdata",
    "phonenumbers.geocoder",
    "phonenumbers.carrier",
    "phonenumbers.timezone",
)

hiddenimports = collect_submodules("phonenumbers", filter=lambda name: not name.startswith(UNUSED))
