"""python -m kg.train"""

import sys

from kg.train import main

sys.exit(main())
