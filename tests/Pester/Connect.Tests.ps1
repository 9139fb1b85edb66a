BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ArgumentList '--access-key', 'pester-access', '--secret-key', 'pester-Secret-Value-9f1c'
    $tokenUri = $sim.Url.TrimEnd('/') + '/oauth2/token'
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Connect-Megaport' {
    AfterEach { Disconnect-Megaport }

    It 'connects with -Credential and returns the session with -PassThru' {
        $session = Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url -PassThru
        $session | Should -BeOfType ([Megaport.Session])
        $session.PSObject.TypeNames[0] | Should -Be 'Megaport.Session'
        $session.AccessKey | Should -Be 'pester-access'
        $session.Environment | Should -Be 'Custom'
        $session.BaseUri | Should -Be ([uri]$sim.Url)
        $session.TokenUri.AbsolutePath | Should -Be '/oauth2/token'
        $session.TokenExpiresAt | Should -BeGreaterThan ([datetime]::UtcNow)
        Get-MegaportSession | Should -Be $session
    }

    It 'connects with -AccessKey and -SecretKey' {
        $null = Connect-Megaport -AccessKey $sim.AccessKey -SecretKey (ConvertTo-SecureString $sim.SecretKey -AsPlainText -Force) -BaseUri $sim.Url
        (Get-MegaportSession).AccessKey | Should -Be 'pester-access'
        @(Get-MegaportLocation -Id 3).Count | Should -Be 1
    }

    It 'connects from MEGAPORT_ACCESS_KEY and MEGAPORT_SECRET_KEY' {
        $env:MEGAPORT_ACCESS_KEY = $sim.AccessKey
        $env:MEGAPORT_SECRET_KEY = $sim.SecretKey
        try {
            Connect-Megaport -BaseUri $sim.Url
            (Get-MegaportSession).AccessKey | Should -Be 'pester-access'
        }
        finally {
            Remove-Item Env:MEGAPORT_ACCESS_KEY, Env:MEGAPORT_SECRET_KEY
        }
    }

    It 'reads MEGAPORT_ENVIRONMENT=<Value> like the official CLI: <Name> at <BaseUri>' -ForEach @(
        @{ Value = 'staging'; Name = 'Staging'; BaseUri = 'https://api-staging.megaport.com/' }
        @{ Value = 'dev'; Name = 'Development'; BaseUri = 'https://api-mpone-dev.megaport.com/' }
        @{ Value = 'production'; Name = 'Production'; BaseUri = 'https://api.megaport.com/' }
    ) {
        # The token comes from the simulator (-TokenUri), so no real Megaport host is ever resolved or asked; the
        # environment's own token URL is checked by the xunit tests.
        $env:MEGAPORT_ACCESS_KEY = $sim.AccessKey
        $env:MEGAPORT_SECRET_KEY = $sim.SecretKey
        $env:MEGAPORT_ENVIRONMENT = $Value
        try {
            $session = Connect-Megaport -TokenUri $tokenUri -PassThru
            $session.Environment | Should -Be $Name
            $session.BaseUri | Should -Be ([uri]$BaseUri)
            $session.TokenUri | Should -Be ([uri]$tokenUri)
            Get-MegaportSession | Should -Be $session
        }
        finally {
            Remove-Item Env:MEGAPORT_ACCESS_KEY, Env:MEGAPORT_SECRET_KEY, Env:MEGAPORT_ENVIRONMENT -ErrorAction SilentlyContinue
        }
    }

    It 'refuses an unknown MEGAPORT_ENVIRONMENT before any request' {
        $env:MEGAPORT_ACCESS_KEY = $sim.AccessKey
        $env:MEGAPORT_SECRET_KEY = $sim.SecretKey
        $env:MEGAPORT_ENVIRONMENT = 'moon'
        try {
            $before = (Get-SimulatorStats $sim).tokenRequests
            { Connect-Megaport -TokenUri $tokenUri } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
            (Get-SimulatorStats $sim).tokenRequests | Should -Be $before
            Get-MegaportSession | Should -BeNullOrEmpty
        }
        finally {
            Remove-Item Env:MEGAPORT_ACCESS_KEY, Env:MEGAPORT_SECRET_KEY, Env:MEGAPORT_ENVIRONMENT -ErrorAction SilentlyContinue
        }
    }

    It 'fails clearly without any key and sends nothing' {
        $before = (Get-SimulatorStats $sim).tokenRequests
        { Connect-Megaport -BaseUri $sim.Url } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
        (Get-SimulatorStats $sim).tokenRequests | Should -Be $before
    }

    It 'uses -TokenUri when given' {
        $session = Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url -TokenUri ($sim.Url.TrimEnd('/') + '/oauth2/token') -PassThru
        $session.TokenUri | Should -Be ([uri]($sim.Url.TrimEnd('/') + '/oauth2/token'))
    }

    It 'maps -Environment <Name> to <BaseUri>' -ForEach @(
        @{ Name = 'Staging'; BaseUri = 'https://api-staging.megaport.com/' }
        @{ Name = 'Development'; BaseUri = 'https://api-mpone-dev.megaport.com/' }
        @{ Name = 'Production'; BaseUri = 'https://api.megaport.com/' }
    ) {
        # Connecting only asks the token endpoint (here the simulator's); nothing is sent to the BaseUri.
        $session = Connect-Megaport -Credential (New-TestCredential $sim) -Environment $Name -TokenUri $tokenUri -PassThru
        $session.Environment | Should -Be $Name
        $session.BaseUri | Should -Be ([uri]$BaseUri)
        $session.TokenUri | Should -Be ([uri]$tokenUri)
    }

    It 'names the token endpoint it asked, in full, when -Environment''s connection fails' {
        $bad = [pscredential]::new('pester-access', (ConvertTo-SecureString 'wrong-secret' -AsPlainText -Force))
        $err = { Connect-Megaport -Credential $bad -Environment Staging -TokenUri $tokenUri } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Megaport*'
        $err.Exception.Message | Should -Match ([regex]::Escape($tokenUri))
        Get-MegaportSession | Should -BeNullOrEmpty
    }

    It 'refuses bad keys with MegaportAuthenticationFailed' {
        $bad = [pscredential]::new('pester-access', (ConvertTo-SecureString 'wrong-secret' -AsPlainText -Force))
        $err = { Connect-Megaport -Credential $bad -BaseUri $sim.Url } | Should -Throw -ErrorId 'MegaportAuthenticationFailed*' -PassThru
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.Message | Should -Not -Match 'wrong-secret'
        Get-MegaportSession | Should -BeNullOrEmpty
    }

    It 'rejects a -BaseUri that is not http(s) before any request' {
        { Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri 'ftp://127.0.0.1/' } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
    }

    It 'keeps the session per runspace' {
        $null = Connect-TestSimulator $sim
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$script:ModulePath'; Get-MegaportSession")
            @($ps.Invoke()).Count | Should -Be 0
        }
        finally { $ps.Dispose() }
        Get-MegaportSession | Should -Not -BeNullOrEmpty
    }

    It 'takes an explicit -Session on any API cmdlet' {
        $a = Connect-TestSimulator $sim
        $b = Connect-TestSimulator $sim
        Get-MegaportSession | Should -Be $b
        Disconnect-Megaport -Session $b
        Get-MegaportSession | Should -BeNullOrEmpty
        { Get-MegaportLocation -Id 3 } | Should -Throw -ErrorId 'MegaportNotConnected*'
        (Get-MegaportLocation -Id 3 -Session $a).Id | Should -Be 3
        Disconnect-Megaport -Session $a
    }
}

Describe 'Not connected' {
    It 'every API cmdlet fails with MegaportNotConnected' {
        Disconnect-Megaport
        $err = { Get-MegaportService } | Should -Throw -ErrorId 'MegaportNotConnected*' -PassThru
        $err.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $err.Exception.Message | Should -Match 'Connect-Megaport'
        { Get-MegaportLocation } | Should -Throw -ErrorId 'MegaportNotConnected*'
    }

    It 'a disconnected session is refused' {
        $session = Connect-TestSimulator $sim
        Disconnect-Megaport
        { Get-MegaportLocation -Session $session } | Should -Throw -ErrorId 'MegaportNotConnected*'
    }
}

Describe 'Secrets' {
    It 'neither the secret key nor the access token appears in any stream of a -Verbose run' {
        $session = Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url -PassThru -Verbose 4>&1 | Where-Object { $_ -is [Megaport.Session] }
        $token = Get-SessionAccessToken $session
        $token | Should -Not -BeNullOrEmpty
        $captured = & {
            Connect-Megaport -Credential (New-TestCredential $sim) -BaseUri $sim.Url -Verbose -PassThru
            Get-MegaportSession | Format-List * | Out-String
            Get-MegaportLocation -Metro Sydney -Verbose
            Get-MegaportService -Verbose
            Get-MegaportService -ProductUid '0f1e2d3c-0000-4000-8000-00000000dead' -Verbose -ErrorAction Continue   # no such service: a 404
        } *>&1 | Out-String
        $captured | Should -Match 'GET /v2/products -> 200 in \d+ ms \(Trace-Id'
        $captured | Should -Not -Match ([regex]::Escape($sim.SecretKey))
        $captured | Should -Not -Match ([regex]::Escape($token))
        $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($sim.AccessKey):$($sim.SecretKey)"))
        $captured | Should -Not -Match ([regex]::Escape($basic))
        (Get-MegaportSession).ToString() | Should -Not -Match ([regex]::Escape($sim.SecretKey))
    }
}
