# Designs as files: the three formats and megaport-cli apply files, every error at once (per resource and field) with
# no request, secrets, -WhatIf buying nothing, dependency order, idempotence, updates, conflicts, -Prune and the
# export round trip on the demo account. Kill/resume, rollback and the scale account are in DesignDeploy.Tests.ps1.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 0
    $null = Connect-TestSimulator $sim
    $secret = @{ aws_auth_key = (ConvertTo-SecureString 'bgp-auth' -AsPlainText -Force) }

    function New-DesignFile([string]$Name, [string]$Text) {
        $path = Join-Path $TestDrive $Name
        Set-Content -Path $path -Value $Text
        $path
    }
    function Get-Buys { @(Get-SimulatorRequests $sim -Method POST | Where-Object { $_.path -like '/v*/networkdesign/buy' }) }
    function Get-Changing {
        @(Get-SimulatorRequests $sim | Where-Object {
                $_.method -in 'PUT', 'POST', 'DELETE' -and $_.path -notlike '/oauth2/*' -and $_.path -notlike '/_simulator/*' -and
                $_.path -notin '/v3/networkdesign/validate', '/v4/pricebook/product'
            })
    }
    function Get-ApiRequests { @(Get-SimulatorRequests $sim | Where-Object { $_.path -notlike '/_simulator/*' -and $_.path -notlike '/oauth2/*' }) }

    # One design in the three formats: a port at Global Switch Sydney and a VXC from it to AWS (a secret auth key).
    $psd1 = @'
@{
    Ports = @( @{ Name = 'fmt-port'; Location = 'Global Switch Sydney'; Speed = 10000; Term = 12 } )
    Vxcs  = @( @{ Name = 'fmt-vxc'; RateLimit = 500; AEnd = @{ ProductUid = '{{.port.fmt-port}}'; Vlan = 887 }
                  BEnd = @{ Cloud = 'AWS'; Location = 'Global Switch Sydney' }
                  BEndPartnerConfig = @{ connectType = 'AWS'; type = 'private'; ownerAccount = '123456789123'; asn = 65001; authKey = '{{.secret.aws_auth_key}}' } } )
}
'@
    $json = @'
{ "ports": [ { "name": "fmt-port", "locationId": 3, "speed": 10000, "term": 12 } ],
  "vxcs": [ { "name": "fmt-vxc", "rateLimit": 500, "aEnd": { "productUid": "{{.port.fmt-port}}", "vlan": 887 },
              "bEnd": { "cloud": "AWS", "location": "Global Switch Sydney" },
              "bEndPartnerConfig": { "connectType": "AWS", "type": "private", "ownerAccount": "123456789123", "asn": 65001, "authKey": "{{.secret.aws_auth_key}}" } } ] }
'@
    $yaml = @'
ports:
  - name: fmt-port
    location_id: 3
    speed: 10000
    term: 12
vxcs:
  - name: fmt-vxc
    rate_limit: 500
    a_end: { product_uid: "{{.port.fmt-port}}", vlan: 887 }
    b_end: { cloud: AWS, location: Global Switch Sydney }
    b_end_partner_config:
      connectType: AWS
      type: private
      ownerAccount: "123456789123"
      asn: 65001
      authKey: "{{.secret.aws_auth_key}}"
'@
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
}

Describe 'Reading designs' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'reads the same plan from .psd1, .json and .yaml, priced by validate and the price book' {
        $plans = foreach ($f in @(@{ N = 'd.psd1'; T = $psd1 }, @{ N = 'd.json'; T = $json }, @{ N = 'd.yml'; T = $yaml })) {
            $changes = @(Test-MegaportDesign -Path (New-DesignFile $f.N $f.T) -Secret $secret)
            ($changes | ForEach-Object { "$($_.Action) $($_.Kind) $($_.Name) $($_.MonthlyPrice) $($_.Currency)" }) -join '; '
        }
        $plans[0] | Should -Match '^Create Port fmt-port \d+(\.\d+)? AUD; Create Vxc fmt-vxc \d+(\.\d+)? AUD$'
        $plans[1] | Should -Be $plans[0]
        $plans[2] | Should -Be $plans[0]
        @(Get-SimulatorRequests $sim -Method POST -Path '/v4/pricebook/product').Count | Should -Be 3
        (Get-Changing).Count | Should -Be 0
    }

    It 'writes the plan''s total to the information stream' {
        $null = Test-MegaportDesign -Path (New-DesignFile 'd.psd1' $psd1) -Secret $secret -InformationVariable info
        "$info" | Should -Match '2 to create, 0 to update, 0 unchanged; new items [\d,.]+ AUD/month'
    }

    It 'reads megaport-cli apply files as they are (YAML and JSON)' {
        $cli = New-DesignFile 'infrastructure.yaml' @'
ports:
  - name: Sydney-Primary-CLI
    location_id: 3
    speed: 10000
    term: 12
    marketplace_visibility: false
    diversity_zone: red
    cost_centre: IT-001
    resource_tags:
      env: prod
mcrs:
  - name: Sydney-MCR-CLI
    location_id: 3
    speed: 1000
    term: 1
    asn: 64512
    tunnel_count: 0
    diversity_zone: ""
mves:
  - name: Sydney-MVE-CLI
    location_id: 4
    term: 1
    vendor_config:
      vendor: cisco
      imageId: 92
      productSize: SMALL
vxcs:
  - name: Primary-to-MCR
    rate_limit: 100
    term: 1
    a_end:
      product_uid: "{{.port.Sydney-Primary-CLI}}"
      vlan: 100
    b_end:
      product_uid: "{{.mcr.Sydney-MCR-CLI}}"
      vlan: 0
  - name: Primary-to-Secondary
    rate_limit: 50
    term: 1
    a_end:
      product_uid: "{{.port.Sydney-Primary-CLI}}"
      vlan: 101
    b_end:
      product_uid: 7a9e4c2b-1d3f-4b8e-9a6c-5e0f2d7b1c34
      vlan: 101
'@
        $plan = @(Test-MegaportDesign -Path $cli)
        ($plan | ForEach-Object { "$($_.Action) $($_.Kind) $($_.Name)" }) | Should -Be @(
            'Create Port Sydney-Primary-CLI', 'Create Mcr Sydney-MCR-CLI', 'Create Mve Sydney-MVE-CLI', 'Create Vxc Primary-to-MCR', 'Create Vxc Primary-to-Secondary')
        $plan | ForEach-Object { $_.MonthlyPrice | Should -BeGreaterThan 0 }
        $cliJson = New-DesignFile 'infrastructure.json' '{"ports":[{"name":"cli-json","location_id":3,"speed":1000,"term":1,"marketplace_visibility":false,"diversity_zone":"","cost_centre":"","resource_tags":{}}],"mcrs":[],"mves":[],"vxcs":[]}'
        (Test-MegaportDesign -Path $cliJson).Action | Should -Be 'Create'
        # And it deploys: in dependency order, the VXCs after the ends they need.
        $result = @(Deploy-MegaportDesign -Path $cli -Confirm:$false)
        $result.Result | Sort-Object -Unique | Should -Be 'Created'
        $buys = Get-Buys
        $buys.Count | Should -Be 5
        $lastLocated = [Array]::FindLastIndex([object[]]$buys, [Predicate[object]] { param($b) $b.body -notmatch 'associatedVxcs' })
        $firstVxc = [Array]::FindIndex([object[]]$buys, [Predicate[object]] { param($b) $b.body -match 'associatedVxcs' })
        $lastLocated | Should -BeLessThan $firstVxc
        (Get-MegaportServiceTag -ProductUid (Get-MegaportService -Name 'Sydney-Primary-CLI').ProductUid).Value | Should -Be 'prod'
    }

    It 'YamlDotNet loads in the module''s private load context, from the module''s folder' {
        $null = Test-MegaportDesign -Path (New-DesignFile 'ctx.yml' $yaml) -Secret $secret
        $loaded = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'YamlDotNet' })
        $loaded.Count | Should -Be 1
        [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($loaded[0]).Name | Should -Be 'Megaport'
        $loaded[0].Location | Should -Be (Join-Path (Get-Module Megaport).ModuleBase 'bin/net8.0/YamlDotNet.dll')
    }

    It 'a .psd1 runs nothing' {
        $file = New-DesignFile 'code.psd1' "@{ Ports = @( @{ Name = (Get-Date).ToString(); LocationId = 3; Speed = 1000; Term = 1 } ) }"
        { Test-MegaportDesign -Path $file } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
        (Get-ApiRequests).Count | Should -Be 0
    }
}

Describe 'Errors' {
    BeforeEach { Reset-TestSimulator $sim }

    It 'reports every error of the file at once, each naming its resource and field, and sends nothing' {
        $file = New-DesignFile 'bad.yaml' @'
ports:
  - name: bad-port
    location_id: 3
    speed: 1234
    term: 7
    colour: blue
  - name: bad-port
    speed: 1000
    term: 1
mcrs:
  - name: bad-mcr
    location_id: 3
    speed: fast
    term: 1
    tunnel_count: 5
vxcs:
  - name: bad-vxc
    rate_limit: 0
    a_end: { product_uid: "{{.router.x}}", vlan: 5000 }
    b_end: { cloud: AWS }
    b_end_partner_config: { connectType: AWS, ownerAcount: "1" }
nat_gateway: []
'@
        $errs = $null
        $thrown = $null
        try { Test-MegaportDesign -Path $file -ErrorVariable errs -ErrorAction SilentlyContinue } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument*'
        $messages = @($errs | Where-Object { $_ -is [Management.Automation.ErrorRecord] } | ForEach-Object { $_.Exception.Message })
        $expected = @(
            "ports\[0\] 'bad-port': speed: 1234 is not a port speed",
            "ports\[0\] 'bad-port': term: 7 is not a Megaport contract term",
            "ports\[0\] 'bad-port': colour: is not a setting",
            "ports\[1\] 'bad-port': location_id: is required",
            "ports\[1\] 'bad-port': name: 'bad-port' is used by ports\[0\]",
            "mcrs\[0\] 'bad-mcr': speed: must be a whole number",
            "mcrs\[0\] 'bad-mcr': tunnel_count: 5 is not an IPsec tunnel count",
            "vxcs\[0\] 'bad-vxc': rate_limit:",
            "vxcs\[0\] 'bad-vxc': a_end.vlan: .*5000",
            "vxcs\[0\] 'bad-vxc': a_end.product_uid: .*router",
            "vxcs\[0\] 'bad-vxc': b_end: a cloud end needs its location",
            "vxcs\[0\] 'bad-vxc': b_end_partner_config: .*ownerAcount",
            "the design: 'nat_gateway' is not a design key"
        )
        foreach ($e in $expected) { ($messages -match $e).Count | Should -BeGreaterOrEqual 1 -Because "'$e' should be among:`n$($messages -join "`n")" }
        $thrown.Exception.Message | Should -Match 'The design has \d+ errors; nothing was sent'
        $errs | Where-Object { $_ -is [Management.Automation.ErrorRecord] } | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument*' }
        (Get-ApiRequests).Count | Should -Be 0
    }

    It 'a missing secret is a local error naming it, before any request' {
        $file = New-DesignFile 'd.psd1' $psd1
        $errs = $null
        $thrown = $null
        try { Deploy-MegaportDesign -Path $file -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument*'
        ($errs.Exception.Message -match "the secret 'aws_auth_key' is not given").Count | Should -BeGreaterOrEqual 1
        { Test-MegaportDesign -Path $file -Secret @{ aws_auth_key = 'plain text' } } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
        (Get-ApiRequests).Count | Should -Be 0
    }

    It 'a secret never appears in output, streams or errors' {
        $out = Test-MegaportDesign -Path (New-DesignFile 'd.psd1' $psd1) -Secret $secret -Verbose 4>&1 6>&1 | Out-String
        $out | Should -Not -Match 'bgp-auth'
        # The secret went into the validate request only.
        (Get-SimulatorRequests $sim -Method POST -Path '/v3/networkdesign/validate' | Where-Object body -match 'bgp-auth').Count | Should -Be 0
    }

    It 'reports what the account refuses, per resource (an unknown location, a name on two services)' {
        $file = New-DesignFile 'where.psd1' "@{ Ports = @( @{ Name = 'p1'; Location = 'Global Swich Sydney'; Speed = 1000; Term = 1 } ); Vxcs = @( @{ Name = 'v1'; RateLimit = 10; AEnd = 'nowhere'; BEnd = 'p1' } ) }"
        $errs = $null
        $thrown = $null
        try { Test-MegaportDesign -Path $file -ErrorVariable errs -ErrorAction SilentlyContinue } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'MegaportInvalidArgument*'
        ($errs.Exception.Message -match "ports\[0\] 'p1': location: .*Global Switch Sydney").Count | Should -Be 1
        ($errs.Exception.Message -match "vxcs\[0\] 'v1': a_end: 'nowhere' is not a port").Count | Should -Be 1
        (Get-Changing).Count | Should -Be 0
    }
}

Describe 'Deploying' {
    BeforeEach { Reset-TestSimulator $sim }

    It '-WhatIf shows the plan with its price and sends no changing request' {
        $file = New-DesignFile 'd.psd1' $psd1
        $out = Deploy-MegaportDesign -Path $file -Secret $secret -WhatIf 6>&1 | Out-String
        (Get-Changing).Count | Should -Be 0
        (Get-Buys).Count | Should -Be 0
        @(Get-MegaportService -Name 'fmt-*').Count | Should -Be 0
    }

    It 'is idempotent: a second run is all NoChange and buys nothing' {
        $file = New-DesignFile 'd.yaml' $yaml
        $first = @(Deploy-MegaportDesign -Path $file -Secret $secret -Confirm:$false)
        $first.Result | Should -Be @('Created', 'Created')
        $first | ForEach-Object { $_.ProductUid | Should -Not -BeNullOrEmpty }
        $buys = (Get-Buys).Count
        $second = @(Deploy-MegaportDesign -Path $file -Secret $secret -Confirm:$false)
        $second.Action | Should -Be @('NoChange', 'NoChange')
        $second.Result | Should -Be @('Unchanged', 'Unchanged')
        (Get-Buys).Count | Should -Be $buys
        # The VXC landed on the AWS port at Global Switch Sydney with the partner config and the secret.
        $vxc = Get-MegaportService -Name 'fmt-vxc'
        $vxc.ConnectType | Should -Be 'AWS'
        $vxc.AEnd.Vlan | Should -Be 887
        (Get-Buys | Where-Object body -match 'associatedVxcs').body | Should -Match '"authKey":"bgp-auth"'
    }

    It 'plans an Update field by field, applies it, and then plans NoChange' {
        $file = New-DesignFile 'd.yaml' $yaml
        $null = Deploy-MegaportDesign -Path $file -Secret $secret -Confirm:$false
        $changed = New-DesignFile 'd2.yaml' ($yaml.Replace('rate_limit: 500', 'rate_limit: 200').Replace('term: 12', "term: 24`n    cost_centre: NET-42"))
        $plan = @(Test-MegaportDesign -Path $changed -Secret $secret)
        $port = $plan | Where-Object Kind -eq 'Port'
        $port.Action | Should -Be 'Update'
        ($port.Changes | ForEach-Object { "$($_.Field): $($_.Old) -> $($_.New)" }) | Should -Be @('term: 12 -> 24', 'cost_centre:  -> NET-42')
        ($plan | Where-Object Kind -eq 'Vxc').ChangeText | Should -Be 'rate_limit: 500 -> 200'
        $result = @(Deploy-MegaportDesign -Path $changed -Secret $secret -Confirm:$false)
        $result.Result | Should -Be @('Updated', 'Updated')
        (Get-SimulatorRequests $sim -Method PUT | Where-Object path -like '/v*/product/*').Count | Should -Be 2
        (Test-MegaportDesign -Path $changed -Secret $secret).Action | Should -Be @('NoChange', 'NoChange')
    }

    It 'buys an MCR with its IPsec add-on and prefix lists, and a NAT gateway; then changes a prefix list in place' {
        $file = New-DesignFile 'router.yaml' @'
mcrs:
  - name: dd-mcr
    location_id: 3
    speed: 1000
    term: 1
    asn: 64600
    tunnel_count: 10
    prefix_lists:
      - description: onprem
        address_family: IPv4
        entries:
          - { action: permit, prefix: 10.10.0.0/16, le: 24 }
nat_gateways:
  - { name: dd-nat, location_id: 3, speed: 1000, session_count: 8000, term: 1 }
'@
        $plan = @(Test-MegaportDesign -Path $file)
        $plan.Action | Should -Be @('Create', 'Create')
        $plan | ForEach-Object { $_.MonthlyPrice | Should -BeGreaterThan 0 }
        $result = @(Deploy-MegaportDesign -Path $file -Confirm:$false)
        $result.Result | Should -Be @('Created', 'Created')
        $mcr = Get-MegaportService -Name 'dd-mcr'
        $mcr.IpsecTunnelCount | Should -Be 10
        $mcr.Asn | Should -Be 64600
        (Get-MegaportMcrPrefixList -ProductUid $mcr.ProductUid).Description | Should -Be 'onprem'
        (Get-MegaportNatGateway -Name 'dd-nat').ProvisioningStatus | Should -BeIn 'CONFIGURED', 'LIVE'
        (Test-MegaportDesign -Path $file).Action | Should -Be @('NoChange', 'NoChange')
        $changed = New-DesignFile 'router2.yaml' ((Get-Content $file -Raw).Replace('le: 24', 'le: 28').Replace('tunnel_count: 10', 'tunnel_count: 20'))
        $update = (Test-MegaportDesign -Path $changed)[0]
        $update.Action | Should -Be 'Update'
        $update.ChangeText | Should -Match "tunnel_count: 10 -> 20; prefix_lists\['onprem'\]: IPv4: permit 10.10.0.0/16 le 24 -> IPv4: permit 10.10.0.0/16 le 28"
        $null = Deploy-MegaportDesign -Path $changed -Confirm:$false
        (Get-MegaportMcrPrefixList -ProductUid $mcr.ProductUid).Entries.Le | Should -Be 28
        (Get-MegaportService -ProductUid $mcr.ProductUid).IpsecTunnelCount | Should -Be 20
        (Test-MegaportDesign -Path $changed).Action | Should -Be @('NoChange', 'NoChange')
    }

    It 'a setting that cannot change in place is a Conflict, and Deploy changes nothing' {
        $file = New-DesignFile 'd.yaml' $yaml
        $null = Deploy-MegaportDesign -Path $file -Secret $secret -Confirm:$false
        $conflict = New-DesignFile 'c.yaml' ($yaml.Replace('speed: 10000', 'speed: 1000').Replace('rate_limit: 500', 'rate_limit: 200'))
        $plan = @(Test-MegaportDesign -Path $conflict -Secret $secret)
        $plan[0].Action | Should -Be 'Conflict'
        $plan[0].Message | Should -Match 'speed cannot change in place \(10000 on the account, 1000 in the design\)'
        $before = (Get-Changing).Count
        { Deploy-MegaportDesign -Path $conflict -Secret $secret -Confirm:$false } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
        (Get-Changing).Count | Should -Be $before
    }

    It 'never touches what the design does not hold; -Prune lists it first and cancels only it' {
        $file = New-DesignFile 'd.yaml' $yaml
        $null = Deploy-MegaportDesign -Path $file -Secret $secret -Confirm:$false
        $portOnly = New-DesignFile 'p.yaml' ($yaml.Substring(0, $yaml.IndexOf('vxcs:')))
        (Test-MegaportDesign -Path $portOnly).Action | Should -Be 'NoChange'
        $vxcUid = (Get-MegaportService -Name 'fmt-vxc').ProductUid
        $pruned = @(Test-MegaportDesign -Path $portOnly -Prune)
        $pruned[0].Action | Should -Be 'Remove'
        ($pruned | Where-Object Action -eq 'Remove').Name | Should -Contain 'fmt-vxc'
        ($pruned | Where-Object Action -eq 'Remove').Name | Should -Contain 'Sydney Primary'
        $before = (Get-Changing).Count
        $null = Deploy-MegaportDesign -Path $portOnly -WhatIf -Prune
        (Get-Changing).Count | Should -Be $before
        # Prune a design that holds everything but the VXC: only the VXC goes.
        $everything = Join-Path $TestDrive 'all.json'
        $tree = Export-MegaportDesign -Format Json | ConvertFrom-Json
        $tree.vxcs = @($tree.vxcs | Where-Object name -ne 'fmt-vxc')
        Set-Content $everything ($tree | ConvertTo-Json -Depth 20)
        $result = @(Deploy-MegaportDesign -Path $everything -Prune -Force -Confirm:$false)
        ($result | Where-Object Action -eq 'Remove').Name | Should -Be 'fmt-vxc'
        $cancels = @(Get-SimulatorRequests $sim -Method POST | Where-Object path -like '/v3/product/*/action/*')
        $cancels.path | Should -Be "/v3/product/$vxcUid/action/CANCEL_NOW"
    }
}

Describe 'Export and the round trip on the demo account' {
    BeforeAll { Reset-TestSimulator $sim }

    It 'export -> Test plans only NoChange (<_>)' -ForEach 'psd1', 'json', 'yaml' {
        $file = Join-Path $TestDrive "account.$_"
        $info = Export-MegaportDesign -Path $file -Force
        $info | Should -BeOfType [IO.FileInfo]
        $plan = @(Test-MegaportDesign -Path $file)
        $plan.Count | Should -BeGreaterOrEqual 15
        ($plan | Where-Object Action -ne 'NoChange' | ForEach-Object { "$($_.Kind) $($_.Name): $($_.Action) $($_.ChangeText) $($_.Message)" }) | Should -BeNullOrEmpty
        @($plan.Kind | Sort-Object -Unique) | Should -Be @('Ix', 'Mcr', 'Mve', 'NatGateway', 'Port', 'Vxc')
    }

    It 'writes references by name, partner ends as selectors pinning the partner port, a LAG as one port' {
        $tree = Export-MegaportDesign -Format Json | ConvertFrom-Json
        $vif = $tree.vxcs | Where-Object name -eq 'AWS prod private VIF'
        $vif.a_end.product_uid | Should -Be '{{.port.Sydney Primary}}'
        $vif.b_end.cloud | Should -Be 'AWS'
        $vif.b_end.location_id | Should -Be 3
        $vif.b_end.product_uid | Should -Match '^[0-9a-f-]{36}$'
        $vif.b_end_partner_config.connectType | Should -Be 'AWS'
        $vif.b_end_partner_config.ownerAccount | Should -Be '123456789012'
        ($tree.ports | Where-Object name -eq 'Sydney LAG').lag_count | Should -Be 2
        ($tree.ixs | Select-Object -First 1).port | Should -Be '{{.port.Sydney Primary}}'
        ($tree.mcrs | Select-Object -First 1).prefix_lists[0].description | Should -Be 'Azure VNets'
        $tree.PSObject.Properties.Name | Should -Not -Contain 'megadirect'
        (Export-MegaportDesign -Format Psd1 | Out-String) | Should -Match "ProductUid = '\{\{\.port\.Sydney Primary\}\}'"
    }

    It '-ProductUid exports the service and the ends it needs (from the pipeline too)' {
        $tree = Get-MegaportService -Name 'AWS prod private VIF' | Export-MegaportDesign -Format Yaml | Out-String
        $tree | Should -Match 'name: AWS prod private VIF'
        $tree | Should -Match 'name: Sydney Primary'
        $tree | Should -Not -Match 'Sydney Secondary'
        $file = Join-Path $TestDrive 'one.yaml'
        Set-Content $file $tree
        (Test-MegaportDesign -Path $file).Action | Should -Be @('NoChange', 'NoChange')
    }

    It 'refuses to overwrite a file without -Force, and -WhatIf writes nothing' {
        $file = Join-Path $TestDrive 'exists.psd1'
        Set-Content $file 'x'
        { Export-MegaportDesign -Path $file } | Should -Throw -ErrorId 'MegaportInvalidArgument*'
        $new = Join-Path $TestDrive 'never.json'
        Export-MegaportDesign -Path $new -WhatIf
        Test-Path $new | Should -BeFalse
    }
}

Describe 'The JSON schema shipped for json/yaml designs' {
    BeforeAll {
        $base = (Get-Module Megaport).ModuleBase
        $schema = Get-Content (Join-Path $base 'schema/megaport-design.schema.json') -Raw | ConvertFrom-Json -AsHashtable
        # The module's own reader, for YAML (PowerShell has none): the file as the JSON tree the binder sees.
        $designFile = (Get-Command Test-MegaportDesign).ImplementingType.Assembly.GetType('Megaport.Designs.DesignFile')
        function Read-Tree([string]$Path) {
            $format = $designFile.GetMethod('FormatOf').Invoke($null, @([string]$Path))
            $designFile.GetMethod('Parse').Invoke($null, @([string](Get-Content $Path -Raw), $format, [string]$Path)).ToString() | ConvertFrom-Json -AsHashtable
        }
        # A small JSON Schema validator: the keywords the design schema uses. Returns the problems as "path: why".
        function Test-Schema($Value, [hashtable]$Node, [string]$Path = '$') {
            if ($Node.ContainsKey('$ref')) { return Test-Schema $Value $schema['$defs'][$Node['$ref'].Split('/')[-1]] $Path }
            $problems = @()
            if ($Node.type) {
                $kind = if ($null -eq $Value) { 'null' } elseif ($Value -is [hashtable] -or $Value -is [Collections.Specialized.OrderedDictionary]) { 'object' }
                elseif ($Value -is [string]) { 'string' } elseif ($Value -is [bool]) { 'boolean' } elseif ($Value -is [array] -or $Value -is [Collections.IList]) { 'array' }
                elseif ($Value -is [int] -or $Value -is [long]) { 'integer' } else { 'number' }
                $allowed = @($Node.type)
                if (-not ($kind -in $allowed -or ($kind -eq 'integer' -and 'number' -in $allowed))) { return @("${Path}: is $kind, not $($allowed -join '/')") }
            }
            if ($Node.ContainsKey('enum') -and $Value -notin $Node.enum) { $problems += "${Path}: '$Value' is not one of $($Node.enum -join ', ')" }
            if ($Node.ContainsKey('const') -and $Value -eq $Node.const) { }
            if ($Node.ContainsKey('not') -and (Test-Schema $Value $Node.not $Path).Count -eq 0 -and -not $Node.not.ContainsKey('const')) { $problems += "${Path}: matches 'not'" }
            if ($Node.ContainsKey('not') -and $Node.not.ContainsKey('const') -and $Value -eq $Node.not.const) { $problems += "${Path}: must not be $Value" }
            if ($Node.ContainsKey('minimum') -and $Value -lt $Node.minimum) { $problems += "${Path}: $Value < $($Node.minimum)" }
            if ($Node.ContainsKey('maximum') -and $Value -gt $Node.maximum) { $problems += "${Path}: $Value > $($Node.maximum)" }
            if ($Node.ContainsKey('minLength') -and "$Value".Length -lt $Node.minLength) { $problems += "${Path}: too short" }
            if ($Node.ContainsKey('maxLength') -and "$Value".Length -gt $Node.maxLength) { $problems += "${Path}: too long" }
            if ($Node.ContainsKey('pattern') -and "$Value" -notmatch $Node.pattern) { $problems += "${Path}: does not match $($Node.pattern)" }
            if ($Node.ContainsKey('anyOf') -and -not ($Node.anyOf | Where-Object { (Test-Schema $Value $_ $Path).Count -eq 0 })) { $problems += "${Path}: matches none of anyOf" }
            if ($Value -is [Collections.IDictionary]) {
                foreach ($r in @($Node.required)) { if ($r -and -not $Value.Contains($r)) { $problems += "${Path}: '$r' is required" } }
                foreach ($k in $Value.Keys) {
                    if ($Node.properties -and $Node.properties.ContainsKey($k)) { $problems += Test-Schema $Value[$k] $Node.properties[$k] "$Path.$k" }
                    elseif ($Node.additionalProperties -is [bool] -and -not $Node.additionalProperties) { $problems += "${Path}: '$k' is not allowed" }
                    elseif ($Node.additionalProperties -is [hashtable]) { $problems += Test-Schema $Value[$k] $Node.additionalProperties "$Path.$k" }
                }
            }
            elseif (($Value -is [array] -or $Value -is [Collections.IList]) -and $Node.items) {
                if ($Node.minItems -and $Value.Count -lt $Node.minItems) { $problems += "${Path}: fewer than $($Node.minItems) items" }
                for ($i = 0; $i -lt $Value.Count; $i++) { $problems += Test-Schema $Value[$i] $Node.items "$Path[$i]" }
            }
            @($problems | Where-Object { $_ })
        }
    }

    It 'the shipped example <_> validates' -ForEach 'examples/syd-aws.yaml' {
        Test-Schema (Read-Tree (Join-Path $base $_)) $schema | Should -BeNullOrEmpty
    }

    It 'an export of the demo account validates (<_>)' -ForEach 'json', 'yaml' {
        Reset-TestSimulator $sim
        $file = Join-Path $TestDrive "schema.$_"
        $null = Export-MegaportDesign -Path $file -Force
        Test-Schema (Read-Tree $file) $schema | Should -BeNullOrEmpty
    }

    It 'catches what the binder refuses: an unknown key, a bad term, a port speed' {
        $bad = @{ ports = @(@{ name = 'x'; location_id = 3; speed = 1234; term = 7; colour = 'blue' }); routers = @() }
        $problems = Test-Schema $bad $schema
        ($problems -join "`n") | Should -Match "routers' is not allowed"
        ($problems -join "`n") | Should -Match 'ports\[0\]\.speed'
        ($problems -join "`n") | Should -Match 'ports\[0\]\.term'
        ($problems -join "`n") | Should -Match "colour' is not allowed"
    }
}
