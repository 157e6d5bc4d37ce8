// The harness starts Unix processes (the bot, Node, Chromium) and kills their process trees.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
