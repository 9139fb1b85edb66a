# Starts and stops the Megaport API simulator as a child process (used by build.ps1 and the Pester tests).

function Get-PwshCommand {
    # The PowerShell running this script, as a command line: under `dotnet pwsh` that is dotnet + pwsh.dll.
    $exe = [System.Environment]::ProcessPath
    if ([System.IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') {
        return @($exe, (Join-Path $PSHOME 'pwsh.dll'))
    }
    return @($exe)
}

function Start-MegaportSimulator {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$Path,
        [string[]]$ArgumentList = @(),
        [int]$StartTimeoutSec = 60
    )
    $psi = [System.Diagnostics.ProcessStartInfo]::new()
    $psi.FileName = 'dotnet'
    $psi.ArgumentList.Add($Path)
    foreach ($a in @('--exit-on-stdin-close') + $ArgumentList) { $psi.ArgumentList.Add($a) }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($psi)
    $lines = [System.Collections.Generic.List[string]]::new()
    $deadline = [DateTime]::UtcNow.AddSeconds($StartTimeoutSec)
    while ($lines.Count -lt 3) {
        $read = $process.StandardOutput.ReadLineAsync()
        while (-not $read.Wait(200)) {
            if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) {
                $err = $process.StandardError.ReadToEnd()
                if (-not $process.HasExited) { $process.Kill($true) }
                throw "The Megaport simulator did not start: $($lines -join ' ') $err"
            }
        }
        if ($null -eq $read.Result) { throw "The Megaport simulator exited: $($process.StandardError.ReadToEnd())" }
        $lines.Add($read.Result)
    }
    # Keep draining its output so it never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()
    [pscustomobject]@{
        PSTypeName = 'Megaport.SimulatorProcess'
        Url        = ($lines[0] -replace '^.*listening on\s+', '').Trim()
        AccessKey  = ($lines[1] -replace '^Access key:\s*', '').Trim()
        SecretKey  = ($lines[2] -replace '^Secret key:\s*', '').Trim()
        Process    = $process
    }
}

function Stop-MegaportSimulator {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)]$Simulator)
    process {
        if (-not $Simulator -or $Simulator.Process.HasExited) { return }
        try { $Simulator.Process.StandardInput.Close() } catch { }
        if (-not $Simulator.Process.WaitForExit(3000)) { $Simulator.Process.Kill($true) }
        $Simulator.Process.Dispose()
    }
}

Export-ModuleMember -Function Get-PwshCommand, Start-MegaportSimulator, Stop-MegaportSimulator
