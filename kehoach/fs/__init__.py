"""The file system, for a repository someone else committed: finding the repository and its
files (``repo``), reading (``reader``: regular files only, bounded, confined), writing
(``atomic``), locking (``lock``, ``lockfiles``), kehoach's cache folder (``cache``), Windows'
special names (``windows``), standard output (``stdio``), OS error texts (``oserror``) and the
per-file process pool (``parallel``)."""
