# Median and spread of timings. Dot-source it from a benchmark.
function Sorted([double[]] $values) { $copy = [double[]]$values.Clone(); [array]::Sort($copy); , $copy }
function Median([double[]] $values) { $sorted = Sorted $values; $sorted[[int][math]::Floor($sorted.Length / 2)] }
function Spread([double[]] $values, [string] $format = 'N2') { $sorted = Sorted $values; "{0:$format}-{1:$format}" -f $sorted[0], $sorted[-1] }
function Time([scriptblock] $work) { $watch = [System.Diagnostics.Stopwatch]::StartNew(); & $work | Out-Null; $watch.Elapsed.TotalMilliseconds }
