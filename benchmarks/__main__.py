"""``make bench``: every figure, the slow page and pool figures first."""

from benchmarks import bench, reports

reports.main()
raise SystemExit(bench.main())
