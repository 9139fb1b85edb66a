# The forms of what-if every changing cmdlet is tried under (WhatIf.Tests.ps1, NatGatewayWhatIf.Tests.ps1): a bound
# -WhatIf, $WhatIfPreference, a caller's -WhatIf flowing into a script, with and without -Force / -Confirm:$false.
# Dot-sourced in BeforeDiscovery (the cases) and in BeforeAll (running one).

# One case per change and mode; -Force is added only where the change says its cmdlet has it (Force = $true).
function Get-WhatIfCase([hashtable[]]$Change) {
    $modes = @(
        @{ Mode = '$WhatIfPreference'; Extra = ''; Preference = $true; Caller = $false }
        @{ Mode = '$WhatIfPreference with -Confirm:$false'; Extra = ' -Confirm:$false'; Preference = $true; Caller = $false }
        @{ Mode = '$WhatIfPreference with -Force'; Extra = ' -Force'; Preference = $true; Caller = $false; NeedsForce = $true }
        @{ Mode = '$WhatIfPreference with -Force -Confirm:$false'; Extra = ' -Force -Confirm:$false'; Preference = $true; Caller = $false; NeedsForce = $true }
        @{ Mode = 'bound -WhatIf'; Extra = ' -WhatIf'; Preference = $false; Caller = $false }
        @{ Mode = 'bound -WhatIf with -Force'; Extra = ' -WhatIf -Force'; Preference = $false; Caller = $false; NeedsForce = $true }
        @{ Mode = 'a caller''s -WhatIf'; Extra = ''; Preference = $false; Caller = $true }
        @{ Mode = 'a caller''s -WhatIf with -Force -Confirm:$false'; Extra = ' -Force -Confirm:$false'; Preference = $false; Caller = $true; NeedsForce = $true }
    )
    foreach ($c in $Change) {
        foreach ($m in $modes) {
            if ($m.NeedsForce -and -not $c.Force) { continue }
            @{ Cmdlet = $c.Cmdlet; Code = $c.Code + $m.Extra; Mode = $m.Mode; Preference = $m.Preference; Caller = $m.Caller }
        }
    }
}

# Runs a case's code in the caller's scope (its $P, $N... variables) under the case's form of what-if.
function Invoke-WhatIfCase([string]$Code, [bool]$Preference, [bool]$Caller) {
    $block = [scriptblock]::Create($Code)
    if ($Caller) {
        # A script with its own -WhatIf: PowerShell hands it to the cmdlets inside as $WhatIfPreference.
        function Invoke-Change { [CmdletBinding(SupportsShouldProcess)] param($Block) . $Block }
        $null = Invoke-Change -Block $block -WhatIf
    }
    else {
        $WhatIfPreference = $Preference
        try { $null = . $block } finally { $WhatIfPreference = $false }
    }
}
