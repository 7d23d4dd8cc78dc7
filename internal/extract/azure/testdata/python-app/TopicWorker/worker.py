import logging


def handle(msg):
    logging.info(msg.get_body())
