from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmark-only commands (generate_articles, benchmark_search). Installed by development
    (DEBUG on) and test settings only: they fill a site with synthetic articles."""

    name = "bench"
    verbose_name = "Benchmark tools (development only)"
