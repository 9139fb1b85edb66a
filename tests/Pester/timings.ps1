# The module's own waits at test speed: retry and recovery pauses are not slept (their -Verbose lines still say what
# was asked for), and the provisioning poll starts at 20 ms. Every session connected after this takes these timings.
# Set by reflection: the timings are the module's internals, not a user setting.
function Set-MegaportTestTiming {
    param([double]$PauseScale = 0, [timespan]$PollFirst = [timespan]::FromMilliseconds(20), [timespan]$PollMax = [timespan]::FromMilliseconds(200))
    $assembly = (Get-Command Connect-Megaport).ImplementingType.Assembly
    $type = $assembly.GetType('Megaport.Transport.Timings', $true)
    $default = $type.GetProperty('Default').GetValue($null)
    $type.GetProperty('PauseScale').SetValue($default, $PauseScale)
    $type.GetProperty('PollFirst').SetValue($default, $PollFirst)
    $type.GetProperty('PollMax').SetValue($default, $PollMax)
}

# The timings object of one session's client (to move its clock, or to break it on purpose).
function Get-SessionTiming {
    param([Parameter(Mandatory)]$Session)
    $flags = [Reflection.BindingFlags]'Instance, NonPublic, Public'
    $client = $Session.GetType().GetProperty('Connection', $flags).GetValue($Session)
    $client.GetType().GetProperty('Timings', $flags).GetValue($client)
}

function Set-SessionTimingValue {
    param([Parameter(Mandatory)]$Session, [Parameter(Mandatory)][string]$Name, $Value)
    $timings = Get-SessionTiming $Session
    $timings.GetType().GetProperty($Name).SetValue($timings, $Value)
}
