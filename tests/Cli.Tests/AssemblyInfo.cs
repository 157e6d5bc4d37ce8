// Session and key files are checked for their Unix permissions.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
