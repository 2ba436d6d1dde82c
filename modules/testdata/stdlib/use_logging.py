import logging, sys
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("app"); log.info("hello %s", "world"); log.debug("hidden"); log.warning("warn")
