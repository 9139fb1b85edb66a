# Sessions are released: connecting again closes the replaced session unless the caller holds it (-PassThru), and
# removing the module closes the runspace's session.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator
}
AfterAll {
    Stop-MegaportSimulator $sim
}

Describe 'Connecting again' {
    AfterEach { Disconnect-Megaport }

    It 'closes the session it replaces when nobody holds it' {
        Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url
        $first = Get-MegaportSession
        $first.IsConnected | Should -BeTrue
        Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url
        $first.IsConnected | Should -BeFalse
        { Get-MegaportLocation -Id 3 -Session $first } | Should -Throw -ErrorId 'MegaportNotConnected*'
        (Get-MegaportSession).IsConnected | Should -BeTrue
        (Get-MegaportLocation -Id 3).Id | Should -Be 3
    }

    It 'keeps a session handed out with -PassThru usable through -Session' {
        $kept = Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url -PassThru
        Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url
        $kept.IsConnected | Should -BeTrue
        (Get-MegaportLocation -Id 3 -Session $kept -Force).Id | Should -Be 3
        Disconnect-Megaport -Session $kept
        $kept.IsConnected | Should -BeFalse
    }
}

Describe 'Removing the module' {
    It 'closes the runspace''s session' {
        $ps = New-ModulePowerShell
        try {
            $connect = "Connect-Megaport -Credential ([pscredential]::new('$($sim.AccessKey)', (ConvertTo-SecureString '$($sim.SecretKey)' -AsPlainText -Force))) -BaseUri '$($sim.Url)' -PassThru"
            $session = @($ps.AddScript($connect).Invoke())[0]
            $ps.Commands.Clear()
            $session.IsConnected | Should -BeTrue
            $null = $ps.AddScript('Remove-Module Megaport').Invoke()
            $ps.Streams.Error | Should -BeNullOrEmpty
            $session.IsConnected | Should -BeFalse
        }
        finally { $ps.Dispose() }
    }
}
