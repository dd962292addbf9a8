"""What the peer scripts share: the time each page gets, and how newspaper4k is run."""
import signal

PAGE_SECONDS = 20


def _too_slow(signum, frame):
    raise TimeoutError(f"over {PAGE_SECONDS} s")


def within_limit(run, html):
    """run(html), or TimeoutError once the page has taken PAGE_SECONDS."""
    signal.signal(signal.SIGALRM, _too_slow)
    signal.alarm(PAGE_SECONDS)
    try:
        return run(html)
    finally:
        signal.alarm(0)


def newspaper_parser():
    """html bytes -> a parsed newspaper.Article, given the page and nothing else."""
    import newspaper
    config = newspaper.Config()
    config.fetch_images = False  # it would download images to rank them: no network here

    def parse(html):
        article = newspaper.Article("", config=config)
        article.download(input_html=html.decode("utf-8", errors="replace"))
        article.parse()
        return article
    return parse
