BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 50
    $session = Connect-TestSimulator $sim
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Ctrl+C' {
    BeforeEach { Reset-TestSimulator $sim; Clear-SimulatorFault $sim }

    It 'stops an order stuck in a 30 s buy within 1.5 s, as a stopped pipeline, and nothing is bought twice' {
        Add-SimulatorFault $sim @{ method = 'POST'; path = '/v4/networkdesign/buy'; kind = 'delay'; delayMs = 30000; count = 1 }
        $ps = New-ModulePowerShell
        try {
            $null = $ps.AddCommand('New-MegaportPort').AddParameters(@{ Name = 'stopped'; LocationId = 3; Speed = 1000; Term = 1; Session = $session })
            $async = $ps.BeginInvoke()
            # wait until the buy is in flight
            $deadline = [datetime]::UtcNow.AddSeconds(20)
            while ((Get-SimulatorStats $sim).buyCalls -lt 1 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            (Get-SimulatorStats $sim).buyCalls | Should -Be 1
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1.5
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            @($ps.Streams.Error).Count | Should -Be 0
        }
        finally { $ps.Dispose() }
        Start-Sleep -Seconds 1
        $stats = Get-SimulatorStats $sim
        $stats.buyCalls | Should -Be 1
        $stats.buysExecuted | Should -Be 0   # the server's delayed buy was cancelled with the connection
    }

    It 'stops a wait promptly' {
        Set-SimulatorConfig $sim -ProvisionDelayMs 600000
        try {
            $port = New-MegaportPort -Name wait-stop -LocationId 3 -Speed 1000 -Term 1 -NoWait
            $ps = New-ModulePowerShell
            try {
                $null = $ps.AddCommand('Wait-MegaportService').AddParameters(@{ ProductUid = $port.ProductUid; Session = $session })
                $null = $ps.BeginInvoke()
                # Stop it once it is polling: two reads of the service after the one that started the wait.
                $deadline = [datetime]::UtcNow.AddSeconds(20)
                while (@(Get-SimulatorRequests $sim -Method GET -Path "/v2/product/$($port.ProductUid)").Count -lt 3 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
                $ps.InvocationStateInfo.State | Should -Be 'Running'
                $watch = [Diagnostics.Stopwatch]::StartNew()
                $ps.Stop()
                $watch.Elapsed.TotalSeconds | Should -BeLessThan 1.5
                $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            }
            finally { $ps.Dispose() }
        }
        finally { Set-SimulatorConfig $sim -ProvisionDelayMs 50 }
    }
}

Describe 'Concurrency' {
    BeforeEach { Reset-TestSimulator $sim; Clear-SimulatorFault $sim }

    It '16 runspaces share one session for 100 calls each while the token expires: no errors, one token request per expiry' {
        $fresh = Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url -PassThru
        $tokensBefore = (Get-SimulatorStats $sim).tokenRequests
        $uid = '2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12'
        $simulator = $sim
        $modulePath = $script:ModulePath
        $results = 1..16 | ForEach-Object -ThrottleLimit 16 -Parallel {
            Import-Module $using:modulePath
            $s = $using:fresh
            $n = $_
            $errors = 0; $ok = 0
            for ($i = 0; $i -lt 100; $i++) {
                # halfway through one runspace, every token expires under everyone's feet
                if ($n -eq 1 -and $i -eq 50) {
                    $null = Invoke-RestMethod -Method Post -Uri (($using:simulator).Url.TrimEnd('/') + '/_simulator/tokens/expire')
                }
                try {
                    $svc = Get-MegaportService -ProductUid $using:uid -Session $s -ErrorAction Stop
                    if ($svc.ProductUid -eq $using:uid -and $svc.Name -eq 'Sydney Primary') { $ok++ } else { $errors++ }
                }
                catch { $errors++ }
            }
            [pscustomobject]@{ Ok = $ok; Errors = $errors }
        }
        ($results | Measure-Object Errors -Sum).Sum | Should -Be 0
        ($results | Measure-Object Ok -Sum).Sum | Should -Be 1600
        # one token at connect, one after the expiry - not one per runspace
        (Get-SimulatorStats $sim).tokenRequests - $tokensBefore | Should -Be 1
        @(Get-SimulatorRequests $sim -Method GET -Path '/v2/product/*' | Where-Object status -eq 401).Count | Should -BeGreaterThan 0
    }

    It 'the simulator loses no order under the same concurrent load' {
        $fresh = Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url -PassThru
        $modulePath = $script:ModulePath
        $made = 1..16 | ForEach-Object -ThrottleLimit 16 -Parallel {
            Import-Module $using:modulePath
            $n = $_
            1..3 | ForEach-Object { New-MegaportPort -Name "load-$n-$_" -LocationId 3 -Speed 1000 -Term 1 -NoWait -Session $using:fresh -ErrorAction Stop }
        }
        @($made).Count | Should -Be 48
        @($made.ProductUid | Sort-Object -Unique).Count | Should -Be 48
        $stats = Get-SimulatorStats $sim
        $stats.buyCalls | Should -Be 48
        $stats.buysExecuted | Should -Be 48
        @(Get-MegaportService -Name 'load-*').Count | Should -Be 48
    }
}

Describe 'Secrets' {
    It 'the secret, the token and the Basic header appear nowhere in any stream or the transcript of a -Verbose -Debug run of every cmdlet' {
        $dir = Join-Path ([IO.Path]::GetTempPath()) "megaport-secrets-$([guid]::NewGuid())"
        $null = New-Item $dir -ItemType Directory
        try {
            $transcript = Join-Path $dir 'transcript.txt'
            $tokenFile = Join-Path $dir 'token.txt'
            $script = @"
`$VerbosePreference = 'Continue'; `$DebugPreference = 'Continue'; `$ErrorActionPreference = 'Continue'; `$WarningPreference = 'Continue'; `$InformationPreference = 'Continue'
Start-Transcript -Path '$transcript' | Out-Null
$(Get-ConnectScript $sim) -Verbose -Debug
`$s = Get-MegaportSession; `$s | Format-List * | Out-String; `$s.ToString()
`$port = Get-MegaportService -ProductUid 2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12 -Verbose -Debug
Get-MegaportLocation -Metro Sydney -Verbose -Debug | Out-String
Get-MegaportPartnerPort -ConnectType AWS -LocationId 3 -Verbose -Debug | Out-String
Get-MegaportService -Verbose -Debug | Out-String
Get-MegaportIxType -Verbose -Debug | Out-String
Get-MegaportMveImage -Verbose -Debug | Out-String
Get-MegaportMveSize -Verbose -Debug | Out-String
Get-MegaportServiceTag -ProductUid `$port.ProductUid -Verbose -Debug | Out-String
Get-MegaportServiceKey -Verbose -Debug | Out-String
Test-MegaportVlan -ProductUid `$port.ProductUid -Vlan 999 -Verbose -Debug
`$new = New-MegaportPort -Name secret-test -LocationId 3 -Speed 1000 -Term 1 -Verbose -Debug -Confirm:`$false
`$vxc = New-MegaportVxc -AEndProductUid `$new.ProductUid -BEndProductUid `$port.ProductUid -Name s-vxc -RateLimit 10 -Verbose -Debug -Confirm:`$false
New-MegaportIx -ProductUid `$new.ProductUid -Name s-ix -NetworkServiceType 'Sydney IX' -Asn 65100 -MacAddress 00:11:22:33:44:55 -RateLimit 10 -Verbose -Debug -Confirm:`$false | Out-String
`$mcr = New-MegaportMcr -Name s-mcr -LocationId 3 -Speed 1000 -Term 1 -Verbose -Debug -Confirm:`$false
Set-MegaportPort -ProductUid `$new.ProductUid -Name secret-renamed -Verbose -Debug -Confirm:`$false
Set-MegaportVxc -ProductUid `$vxc.ProductUid -RateLimit 20 -Verbose -Debug -Confirm:`$false
Set-MegaportMcr -ProductUid `$mcr.ProductUid -Name s-mcr-2 -Verbose -Debug -Confirm:`$false
Set-MegaportServiceTag -ProductUid `$new.ProductUid -Tag @{ a = 'b' } -Verbose -Debug -Confirm:`$false
Lock-MegaportService -ProductUid `$new.ProductUid -Verbose -Debug -Confirm:`$false
Unlock-MegaportService -ProductUid `$new.ProductUid -Verbose -Debug -Confirm:`$false
`$key = New-MegaportServiceKey -ProductUid `$new.ProductUid -MaxSpeed 100 -Verbose -Debug -Confirm:`$false
Set-MegaportServiceKey -Key `$key.Key -Active `$false -Verbose -Debug -Confirm:`$false
Remove-MegaportService -ProductUid `$vxc.ProductUid -Verbose -Debug -Force
Restore-MegaportService -ProductUid `$vxc.ProductUid -Verbose -Debug -Confirm:`$false
Wait-MegaportService -ProductUid `$vxc.ProductUid -Verbose -Debug | Out-String
Get-MegaportService -ProductUid 00000000-0000-0000-0000-000000000000 -Verbose -Debug
try { Connect-Megaport -Credential ([pscredential]::new('$($sim.AccessKey)', (ConvertTo-SecureString 'wrong-$($sim.SecretKey)' -AsPlainText -Force))) -BaseUri '$($sim.Url)' -Verbose -Debug } catch { `$_ | Format-List * -Force | Out-String; `$_.Exception | Format-List * -Force | Out-String }
`$flags = [Reflection.BindingFlags]'Instance, NonPublic, Public'
`$client = `$s.GetType().GetProperty('Connection', `$flags).GetValue(`$s)
`$tokens = `$client.GetType().GetField('_tokens', `$flags).GetValue(`$client)
`$token = `$tokens.GetType().GetField('_token', `$flags).GetValue(`$tokens)
[IO.File]::WriteAllText('$tokenFile', `$token.GetType().GetProperty('Value', `$flags).GetValue(`$token))
`$Error | Format-List * -Force | Out-String
Disconnect-Megaport -Verbose -Debug
Stop-Transcript | Out-Null
"@
            $run = Invoke-FreshPwsh $script
            $token = Get-Content $tokenFile -Raw
            $token.Length | Should -BeGreaterThan 20
            $captured = $run.Output + (Get-Content $transcript -Raw)
            $captured | Should -Match 'POST /v4/networkdesign/buy -> 200'   # the run really did everything
            $captured | Should -Match 'CANCEL'
            $captured | Should -Not -Match ([regex]::Escape($sim.SecretKey))
            $captured | Should -Not -Match ([regex]::Escape($token))
            $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($sim.AccessKey):$($sim.SecretKey)"))
            $captured | Should -Not -Match ([regex]::Escape($basic))
        }
        finally { Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue }
    }
}

Describe 'A failure the module does not understand' {
    It 'is a terminating MegaportInternalError (NotSpecified) keeping the original exception, not one item''s failure' {
        $s = Connect-TestSimulator $sim
        try {
            # Break the session's clock on purpose: reading it overflows inside the client, which no rule expects.
            Set-SessionTimingValue -Session $s -Name ClockOffset -Value ([timespan]::MaxValue)
            $before = @(Get-SimulatorRequests $sim).Count
            $err = $null
            # Well-formed UIDs of no service: the local UID check passes, so the first one reaches the broken client.
            $first = '0f1e2d3c-0000-4000-8000-000000000001'; $second = '0f1e2d3c-0000-4000-8000-000000000002'
            try { $first, $second | Lock-MegaportService -Session $s -ErrorVariable ev -ErrorAction Continue }
            catch { $err = $_ }
            $err | Should -Not -BeNullOrEmpty -Because 'a bug must stop the command'
            $err.FullyQualifiedErrorId | Should -BeLike 'MegaportInternalError,*'
            $err.FullyQualifiedErrorId | Should -Not -BeLike 'MegaportApiError*'
            $err.CategoryInfo.Category | Should -Be 'NotSpecified'
            $err.Exception.InnerException | Should -BeOfType ([System.ArgumentOutOfRangeException])
            $err.Exception.Message | Should -Match 'bug in the module'
            # It stopped at the first item: the second was never tried, and nothing was sent for either.
            ($ev | Out-String) | Should -Not -Match $second
            @(Get-SimulatorRequests $sim).Count - $before | Should -Be 0
        }
        finally { Disconnect-Megaport -Session $s }
    }
}
