import sys

from lessonkit.cli.main import main

sys.exit(main())
