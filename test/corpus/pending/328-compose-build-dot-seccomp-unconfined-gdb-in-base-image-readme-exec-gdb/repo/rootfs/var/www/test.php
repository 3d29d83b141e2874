<?php go(function () { echo "hi\n"; });
