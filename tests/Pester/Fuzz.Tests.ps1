# Bad-input fuzzing: a seeded generator drives hundreds of invalid invocations across every cmdlet.
# Every one must end in an ErrorRecord with a Megaport ErrorId or a PowerShell parameter-binding id - never a .NET
# exception, a prompt or a hang - and none of them may reach the API (only cached catalogue reads are allowed).
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $sim = Start-TestSimulator -ProvisionDelayMs 50
    $session = Connect-TestSimulator $sim

    $A = '2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12'   # Sydney Primary
    $B = '7a9e4c2b-1d3f-4b8e-9a6c-5e0f2d7b1c34'   # Sydney Secondary
    $V = 'b7d3a1f9-6e2c-4a8b-9d5f-3c0e7a1b9d52'   # a port-to-port VXC
    $IX = '4a8e3c7f-1b9d-4f2e-a6c5-8d0b3e7a1f31'
    $MCR = '3e7f2a9c-8d1b-4e6a-9f4c-0b5d8e2a6c65'
    $MVE = '8f1b5d3e-2c7a-4f9d-b6e8-4a0c7d1f3e87'
    $KEY = '4b9a2c1d-8e7f-4a6b-9c5d-3e2f1a0b9c8d'
    $APPROVAL = '0a7c3e91-5b2d-4f68-9e14-7d3b2a6c8f01'   # pending, the demo account decides it
    $OWNREQUEST = '0a7c3e91-5b2d-4f68-9e14-7d3b2a6c8f03' # pending, the demo account's own request
    $fuzzFolder = Join-Path ([IO.Path]::GetTempPath()) "megaport-fuzz-$([guid]::NewGuid())"
    $null = New-Item -ItemType Directory -Path $fuzzFolder
    $fuzzFile = Join-Path $fuzzFolder 'exists.pdf'
    Set-Content -Path $fuzzFile -Value 'not a letter'
    $NAT = '9b2e6d4f-3a7c-4e1b-8f5d-2c6a0e9b4d13'   # Sydney NAT Gateway
    $filterEntry = @{ Action = 'permit'; SourceAddress = '0.0.0.0/0'; DestinationAddress = '0.0.0.0/0' }
    $prefixEntry = @{ Action = 'permit'; Prefix = '10.0.0.0/8' }

    $rng = [Random]::new(20261126)
    function Get-ControlString { "bad$([char]$rng.Next(1, 32))value" }
    function Get-UnicodeJunk { -join (1..$rng.Next(3, 12) | ForEach-Object { [char]$rng.Next(0x00A1, 0x2FFF) }) }
    # Besides junk, UIDs that look plausible but are not canonical UUIDs: all refused before any request.
    $badUid = { @('', 'abc*', '*', '?', 'a b', ('u' * 10000), "x`ty", (Get-UnicodeJunk), '../../etc', '[0-9]', (Get-ControlString), $null,
            'first-uid', 'not-a-real-uid-0000', '2f3c8a1e6b4d4e9a8c710d5e9b3a7f12', '{2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12}',
            '2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f1', "2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12`n", '2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7fzz') }
    # -Location: empty, unknown names (with and without a close one), unknown ids, patterns (orders take none),
    # objects without a location, several where one goes.
    $badLocation = { @('', $null, 'Global Swich Sydney', 'xyzzy', 999999, -1, 'Equinix SY*', '[', (Get-ControlString), ('l' * 10000),
            (Get-UnicodeJunk), [pscustomobject]@{ Name = 'x' }, @{ Id = 'three' }, (Get-Date), @(2, 3)) }
    # The listers take patterns and several locations, so those two are no bad input there.
    $badListLocation = { @(& $badLocation | Where-Object { $_ -isnot [array] -and "$_" -ne 'Equinix SY*' }) }
    $badName = { @('', ' ', ('n' * 65), ('n' * 10000), (Get-ControlString), "new`nline", $null) }
    $badTerm = @(0, 7, -1, 1000, 'twelve')
    $badVlan = @(1, 4094, 4095, -2, 70000)
    $badRate = @(0, -1, 'fast')
    $badAsn = @(0, -1, 4294967296)
    $badText = { @(('c' * 300), (Get-ControlString)) }
    $secret = ConvertTo-SecureString 'x' -AsPlainText -Force
    # Design files that are refused before any request: missing, not a design format, not parseable, code in a .psd1,
    # and designs with bad settings.
    $designDir = Join-Path ([IO.Path]::GetTempPath()) "megaport-fuzz-$([guid]::NewGuid())"
    $null = New-Item $designDir -ItemType Directory
    $designOk = Join-Path (Get-Module Megaport).ModuleBase 'examples/syd-aws.psd1'
    $designSecret = @{ aws_auth_key = $secret }
    $badDesign = @(
        (Join-Path $designDir 'missing.psd1'), (Join-Path $designDir 'design.txt'), '', $null
        foreach ($bad in @(
                @('syntax.psd1', '@{ Ports = @( '), @('code.psd1', '@{ Ports = @(Get-Date) }'), @('two.psd1', '@{}; @{}'), @('list.json', '[1, 2]'),
                @('broken.json', '{ "ports": [ }'), @('broken.yaml', "ports:`n  - name: [x"), @('keys.yaml', 'routers: []'),
                @('types.yaml', "ports:`n  - { name: x, location_id: 3, speed: fast, term: 12 }"),
                @('ranges.json', '{ "vxcs": [ { "name": "", "rate_limit": -1, "a_end": { "vlan": 5000 }, "b_end": {} } ] }'),
                @('secret.psd1', "@{ Vxcs = @( @{ Name = 'v'; RateLimit = 10; AEnd = '$A'; BEnd = '$B'; BEndPartnerConfig = @{ connectType = 'AWS'; authKey = '{{.secret.nope}}' } } ) }"))) {
            $path = Join-Path $designDir $bad[0]
            Set-Content $path $bad[1]
            $path
        })

    # Each spec: a valid base, and for each parameter the values that are invalid on their own.
    $specs = @(
        @{ Cmdlet = 'Connect-Megaport'; NoSession = $true; Base = @{ AccessKey = 'k'; SecretKey = $secret; BaseUri = $sim.Url }; Bad = @{
                AccessKey = @('', $null); BaseUri = @('ftp://x/', 'file:///etc/passwd', 'not a uri'); TokenUri = @('ftp://x/'); TimeoutSec = @(0, -1, 100000, 'x'); Environment = @('Moon', '')
                ManagedAccount = @($null, [pscustomobject]@{ Name = 'no uid' }, @{ CompanyUid = 'not-a-uuid' }) } }
        @{ Cmdlet = 'Get-MegaportLocation'; Base = @{}; Bad = @{ Name = @('', $null); Id = @('abc'); Speed = @(0, -5, 'fast'); DiversityZone = @('green', ''); Metro = @(''); Country = @(''); Market = @('') } }
        @{ Cmdlet = 'Get-MegaportService'; Base = @{ ProductUid = $A }; Bad = @{ ProductUid = $badUid } }
        @{ Cmdlet = 'Get-MegaportService'; Base = @{}; Bad = @{ ProductType = @('Router', ''); Name = @(''); ManagedAccount = @('', $null) } }
        @{ Cmdlet = 'Get-MegaportManagedAccount'; Base = @{}; Bad = @{ Name = @('', $null) } }
        @{ Cmdlet = 'Get-MegaportManagedAccount'; Base = @{ CompanyUid = '7b1e5c9a-3d2f-4a8e-b6c4-1f0d9e3a5b27' }; Bad = @{ CompanyUid = $badUid } }
        @{ Cmdlet = 'New-MegaportManagedAccount'; Base = @{ Name = 'fz'; Reference = 'R-1' }; Bad = @{
                Name = @('', ' ', ('n' * 129), (Get-ControlString), $null); Reference = @('', ' ', ('r' * 129), (Get-ControlString)) } }
        @{ Cmdlet = 'Set-MegaportManagedAccount'; Base = @{ CompanyUid = '7b1e5c9a-3d2f-4a8e-b6c4-1f0d9e3a5b27'; Name = 'fz' }; Bad = @{
                CompanyUid = $badUid; Name = @('', ' ', ('n' * 129), (Get-ControlString)); Reference = @('', ' ', ('r' * 129)) } }
        @{ Cmdlet = 'Get-MegaportPartnerPort'; Base = @{}; Bad = @{ DiversityZone = @('green'); LocationId = @('abc'); ConnectType = @(''); CompanyName = @(''); Name = @(''); Metro = @('') } }
        @{ Cmdlet = 'Get-MegaportIxType'; Base = @{}; Bad = @{ Name = @(''); Metro = @('') } }
        @{ Cmdlet = 'Get-MegaportMveImage'; Base = @{}; Bad = @{ Vendor = @('') } }
        @{ Cmdlet = 'Get-MegaportMveSize'; Base = @{}; Bad = @{ Bogus = @(1) } }
        @{ Cmdlet = 'Get-MegaportSession'; NoSession = $true; Base = @{}; Bad = @{ Session = @('x') } }
        @{ Cmdlet = 'Disconnect-Megaport'; NoSession = $true; Base = @{}; Bad = @{ Session = @('x', 42) } }
        @{ Cmdlet = 'Get-MegaportServiceTag'; Base = @{ ProductUid = $A }; Bad = @{ ProductUid = $badUid } }
        @{ Cmdlet = 'Get-MegaportServiceKey'; Base = @{ Key = $KEY }; Bad = @{ Key = $badUid } }
        @{ Cmdlet = 'Get-MegaportServiceKey'; Base = @{ ProductUid = $A }; Bad = @{ ProductUid = $badUid } }
        @{ Cmdlet = 'Lock-MegaportService'; Base = @{ ProductUid = $A }; Bad = @{ ProductUid = $badUid } }
        @{ Cmdlet = 'Unlock-MegaportService'; Base = @{ ProductUid = $A }; Bad = @{ ProductUid = $badUid } }
        @{ Cmdlet = 'Restore-MegaportService'; Base = @{ ProductUid = $V }; Bad = @{ ProductUid = $badUid } }
        @{ Cmdlet = 'Remove-MegaportService'; Base = @{ ProductUid = $V }; Bad = @{ ProductUid = $badUid } }
        @{ Cmdlet = 'Wait-MegaportService'; Base = @{ ProductUid = $A }; Bad = @{ ProductUid = $badUid; Timeout = @(-1, 'forever'); Status = @('Done', '') } }
        @{ Cmdlet = 'Test-MegaportVlan'; Base = @{ ProductUid = $A; Vlan = 100 }; Bad = @{ ProductUid = $badUid; Vlan = @(0, 1, 4094, -1, 'x') } }
        @{ Cmdlet = 'New-MegaportPort'; Base = @{ Name = 'fz'; LocationId = 3; Speed = 1000; Term = 1 }; Bad = @{
                Name = $badName; Speed = @(0, -1, 7, 2000, 'fast', [int]::MaxValue); Term = $badTerm; LagCount = @(0, 9, -1); CostCentre = @(('c' * 256), (Get-ControlString))
                PromoCode = $badText; DiversityZone = @('green'); LocationId = @('x'); Tag = @('not-a-hashtable') } }
        @{ Cmdlet = 'New-MegaportVxc'; Base = @{ AEndProductUid = $A; BEndProductUid = $B; Name = 'fz'; RateLimit = 10 }; Bad = @{
                Name = $badName; RateLimit = $badRate; Term = $badTerm; AEndVlan = $badVlan; BEndVlan = $badVlan; AEndInnerVlan = @(1, 5000)
                AEndProductUid = $badUid; BEndProductUid = $badUid; CostCentre = @(('c' * 256)); AEndVnicIndex = @(9, -1)
                McrIpAddress = @('not-an-ip', '10.0.0.1/99'); McrPeerAsn = @(0) } }
        @{ Cmdlet = 'New-MegaportVxc'; Base = @{ AEndProductUid = $A; BEndProductUid = $B; Name = 'fz'; RateLimit = 10; AwsAccountId = '123456789123'; AwsAsn = 65001 }; Bad = @{
                AwsAccountId = @('123', 'abcdefghijkl', '', ('1' * 13)); AwsAsn = $badAsn; CustomerIpAddress = @('not-an-ip', '10.0.0.1/99')
                AmazonIpAddress = @('x'); AwsConnectionType = @('Weird'); AwsPrefixes = @(, @('nope')); AmazonAsn = @(0) } }
        @{ Cmdlet = 'New-MegaportVxc'; Base = @{ AEndProductUid = $A; BEndProductUid = $B; Name = 'fz'; RateLimit = 10; AwsAccountId = '123456789123'; AwsHostedConnection = $true }; Bad = @{
                AwsAccountId = @('123', 'abc'); AwsConnectionName = @(('c' * 300)) } }
        @{ Cmdlet = 'New-MegaportVxc'; Base = @{ AEndProductUid = $A; BEndProductUid = $B; Name = 'fz'; RateLimit = 10; IbmAccountId = ('a' * 32); IbmCustomerAsn = 64999 }; Bad = @{
                IbmAccountId = @('xyz', ''); IbmCustomerAsn = @(65010, 0); IbmName = @('bad name!'); IbmCustomerIpAddress = @('x') } }
        @{ Cmdlet = 'New-MegaportVxc'; Base = @{ AEndProductUid = $A; Name = 'fz'; RateLimit = 10; AzureServiceKey = '1b2329a5-56dc-45d0-8a0d-87b706297777' }; Bad = @{
                AzureServiceKey = @('', 'a b', '*'); AzurePortChoice = @('Tertiary')
                AzurePeering = @(, @(@{ Type = 'public' }), , @(@{ PeerAsn = 'abc' }), , @(@{ PeerAsn = 65515 }), , @(@{ PrimarySubnet = 'x' }), , @(@{ Vlan = 1 })) } }
        @{ Cmdlet = 'New-MegaportVxc'; Base = @{ AEndProductUid = $A; Name = 'fz'; RateLimit = 10; GooglePairingKey = 'k/1/2' }; Bad = @{ GooglePairingKey = @('', 'a b') } }
        @{ Cmdlet = 'New-MegaportVxc'; Base = @{ AEndProductUid = $A; Name = 'fz'; RateLimit = 10; OracleVirtualCircuitId = 'ocid1.x' }; Bad = @{ OracleVirtualCircuitId = @('', '*') } }
        @{ Cmdlet = 'New-MegaportVxc'; Base = @{ AEndProductUid = $A; Name = 'fz'; RateLimit = 10; ServiceKey = $KEY }; Bad = @{ ServiceKey = @('', 'a b', '?') } }
        @{ Cmdlet = 'New-MegaportIx'; Base = @{ ProductUid = $A; Name = 'fz'; NetworkServiceType = 'Sydney IX'; Asn = 65100; MacAddress = '00:11:22:33:44:55'; RateLimit = 10 }; Bad = @{
                MacAddress = @('zz', '', '00:11:22:33:44'); Asn = $badAsn; RateLimit = $badRate; Vlan = @(1, 5000); ProductUid = $badUid
                NetworkServiceType = @('', ('x' * 300)); Name = $badName } }
        @{ Cmdlet = 'New-MegaportPort'; Base = @{ Name = 'fz'; Location = 'Global Switch Sydney'; Speed = 1000; Term = 1 }; Bad = @{
                Location = $badLocation; LocationId = @(3); Speed = @(400000); DiversityZone = @('green') } }
        @{ Cmdlet = 'New-MegaportMcr'; Base = @{ Name = 'fz'; Location = 3; Speed = 1000; Term = 1 }; Bad = @{ Location = $badLocation; Speed = @(3000) } }
        @{ Cmdlet = 'New-MegaportMve'; Base = @{ Name = 'fz'; Location = 'Equinix SY3'; Term = 1; Vendor = 'Cisco'; ImageId = 92; Size = 'SMALL' }; Bad = @{
                Location = $badLocation; Size = @('HUGE') } }
        @{ Cmdlet = 'Get-MegaportPartnerPort'; Base = @{ Location = 'Global Switch Sydney' }; Bad = @{ Location = $badListLocation; LocationId = @(3) } }
        @{ Cmdlet = 'Get-MegaportLocation'; Base = @{ Location = 'Global Switch Sydney' }; Bad = @{ Location = $badListLocation; Name = @('Equinix SY1'); Id = @(2) } }
        @{ Cmdlet = 'New-MegaportMcr'; Base = @{ Name = 'fz'; LocationId = 3; Speed = 1000; Term = 1 }; Bad = @{
                Speed = @(3000, 0, 400000); IpsecTunnelCount = @(5, 0, 40); Asn = $badAsn; Term = $badTerm; Name = $badName; DiversityZone = @('green') } }
        @{ Cmdlet = 'New-MegaportMve'; Base = @{ Name = 'fz'; LocationId = 3; Term = 1; Vendor = 'Cisco'; ImageId = 92; Size = 'SMALL' }; Bad = @{
                Size = @('HUGE', ''); Vnic = @(, @('a', 'b', 'c', 'd', 'e', 'f')); Term = $badTerm; Name = $badName; MveLabel = @(('m' * 300)); ImageId = @('x') } }
        @{ Cmdlet = 'New-MegaportServiceKey'; Base = @{ ProductUid = $A; MaxSpeed = 100 }; Bad = @{
                MaxSpeed = @(0, -1); Vlan = @(1, 5000); ProductUid = $badUid; Description = @(('d' * 300)); SingleUse = @($true) } }
        @{ Cmdlet = 'Set-MegaportPort'; Base = @{ ProductUid = $A; Name = 'fz' }; Bad = @{ Name = $badName; Term = $badTerm; CostCentre = @(('c' * 256)); ProductUid = $badUid; MarketplaceVisibility = @('maybe') } }
        @{ Cmdlet = 'Set-MegaportVxc'; Base = @{ ProductUid = $V; RateLimit = 10 }; Bad = @{ RateLimit = $badRate; AEndVlan = $badVlan; BEndInnerVlan = @(1); AEndProductUid = $badUid; Term = $badTerm; Name = $badName } }
        @{ Cmdlet = 'Set-MegaportIx'; Base = @{ ProductUid = $IX; RateLimit = 10 }; Bad = @{ Vlan = @(0, 1, 5000); MacAddress = @('zz'); Asn = $badAsn; RateLimit = $badRate; ProductUid = $badUid } }
        @{ Cmdlet = 'Set-MegaportMcr'; Base = @{ ProductUid = $MCR; Name = 'fz' }; Bad = @{ Asn = $badAsn; Term = $badTerm; Name = $badName; IpsecTunnelCount = @(5, -1, 40) } }
        @{ Cmdlet = 'Set-MegaportMve'; Base = @{ ProductUid = $MVE; Name = 'fz' }; Bad = @{ VnicDescription = @(, @('a', 'b', 'c', 'd', 'e', 'f')); Name = $badName } }
        @{ Cmdlet = 'Set-MegaportServiceTag'; Base = @{ ProductUid = $A; Tag = @{ a = 'b' } }; Bad = @{
                Tag = @(@{ '' = 'x' }, @{ ('k' * 200) = 'v' }, @{ k = ('v' * 300) }, @{ "k`tx" = 'v' }); ProductUid = $badUid } }
        @{ Cmdlet = 'Get-MegaportMcrRoute'; Base = @{ ProductUid = $MCR }; Bad = @{
                ProductUid = $badUid; Protocol = @('OSPF', ''); IpAddress = @('not-an-ip', '10.0.0.0/33', '10.1', ''); Timeout = @(0, -1, 'forever') } }
        @{ Cmdlet = 'Get-MegaportMcrBgpRoute'; Base = @{ ProductUid = $MCR }; Bad = @{ ProductUid = $badUid; IpAddress = @('x', '::1/129') } }
        @{ Cmdlet = 'Get-MegaportMcrBgpSession'; Base = @{ ProductUid = $MCR }; Bad = @{ ProductUid = $badUid } }
        @{ Cmdlet = 'Get-MegaportMcrBgpNeighborRoute'; Base = @{ ProductUid = $MCR; SessionId = '9d41532bd8734a46'; Direction = 'Received' }; Bad = @{
                ProductUid = $badUid; SessionId = @('', ' ', ('s' * 200), (Get-ControlString)); Direction = @('Sideways', ''); IpAddress = @('x'); Timeout = @(0) } }
        @{ Cmdlet = 'Test-MegaportMcrConnection'; Base = @{ ProductUid = $MCR; Destination = '10.200.0.2' }; Bad = @{
                ProductUid = $badUid; Destination = @('', 'example.com', '10.1', '10.0.0.1/30', '1.2.3.256'); Source = @('x', '10.0.0.1/30')
                Count = @(0, 61, -1, 'many'); Size = @(0, 9187); Timeout = @(0, -1) } }
        @{ Cmdlet = 'Trace-MegaportMcrRoute'; Base = @{ ProductUid = $MCR; Destination = '10.200.0.2' }; Bad = @{
                ProductUid = $badUid; Destination = @('', 'host', '999.1.1.1'); Source = @('x'); Timeout = @(0) } }
        @{ Cmdlet = 'Get-MegaportMcrPrefixList'; Base = @{ ProductUid = $MCR }; Bad = @{ ProductUid = $badUid; Description = @('', $null); Id = @('abc') } }
        @{ Cmdlet = 'New-MegaportMcrPrefixList'; Base = @{ ProductUid = $MCR; Description = 'fz'; AddressFamily = 'IPv4'; Entry = @{ Action = 'permit'; Prefix = '10.0.0.0/8' } }; Bad = @{
                ProductUid = $badUid; Description = @('', ' ', ('n' * 101), (Get-ControlString)); AddressFamily = @('IPv5', '')
                Entry = @(@{ Action = 'allow'; Prefix = '10.0.0.0/8' }, @{ Action = 'permit'; Prefix = 'bad' }, @{ Action = 'permit'; Prefix = '2001:db8::/32' }, @{ Bogus = 1 }, 'text', @{ Action = 'permit'; Prefix = '10.0.0.0/8'; Ge = 4 }) } }
        @{ Cmdlet = 'Set-MegaportMcrPrefixList'; Base = @{ ProductUid = $MCR; Description = 'Azure VNets'; NewDescription = 'fz' }; Bad = @{
                ProductUid = $badUid; NewDescription = @('', ('n' * 101)); Entry = @(@{ Action = 'allow'; Prefix = '10.0.0.0/8' }, @{ Prefix = '10.0.0.0/8'; Le = 40 }) } }
        @{ Cmdlet = 'Remove-MegaportMcrPrefixList'; Base = @{ ProductUid = $MCR; Description = 'no such list'; Force = $true }; Bad = @{ ProductUid = $badUid; Id = @('abc') } }
        @{ Cmdlet = 'Get-MegaportMcrIpsec'; Base = @{ ProductUid = $MCR }; Bad = @{ ProductUid = $badUid } }
        @{ Cmdlet = 'New-MegaportMcrInterfaceConfig'; NoSession = $true; Base = @{ IpAddress = '10.0.0.1/30' }; Bad = @{
                IpAddress = @('10.0.0.1', 'x', ''); BfdTransmitInterval = @(1, 100000); BfdMultiplier = @(1); Vlan = @(1, 5000); NatIpAddress = @('x')
                StaticRoute = @(@{ Prefix = 'x'; NextHop = '10.0.0.2' }, @{ Bogus = 1 }); BgpPeer = @(@{ PeerAsn = 0; PeerIpAddress = '10.0.0.2' }, 'text') } }
        @{ Cmdlet = 'New-MegaportVxc'; Base = @{ AEndProductUid = $NAT; BEndProductUid = $B; Name = 'fz'; RateLimit = 10; AEndInterface = @{ IpAddress = '10.0.0.1/30'; PacketFilterIn = 1 } }; Bad = @{
                AEndInterface = @(@{ IpAddress = '10.0.0.1/30'; PacketFilterIn = ' ' }, @{ IpAddress = '10.0.0.1/30'; PacketFiltr = 1 }, @{ PacketFilterOut = 1 }, 'text')
                AEndVlan = $badVlan; RateLimit = $badRate; Name = $badName } }
        @{ Cmdlet = 'New-MegaportMcrInterfaceConfig'; NoSession = $true; Base = @{ IpAddress = '10.0.0.1/30'; PacketFilterIn = 'permit-https' }; Bad = @{
                PacketFilterIn = @('', ' ', ('f' * 300), (Get-ControlString)); PacketFilterOut = @(' ', (Get-ControlString)) } }
        @{ Cmdlet = 'New-MegaportBgpPeerConfig'; NoSession = $true; Base = @{ PeerAsn = 65000; PeerIpAddress = '10.0.0.2' }; Bad = @{
                PeerAsn = $badAsn; PeerIpAddress = @('', 'x', '10.0.0.0/30'); LocalIpAddress = @('x'); MedIn = @(-1); AsPathPrependCount = @(11, -1)
                ExportPolicy = @('maybe'); PeerType = @('X'); Description = $badText; PermitExportTo = @('x') } }
        @{ Cmdlet = 'New-MegaportIpsecTunnelConfig'; NoSession = $true; Base = @{ SourceIpAddress = '192.0.2.1/30'; DestinationIpAddress = '198.51.100.1'; PreSharedKey = (ConvertTo-SecureString '0123456789' -AsPlainText -Force) }; Bad = @{
                SourceIpAddress = @('x', ''); DestinationIpAddress = @('x', '198.51.100.0/24'); PreSharedKey = @($secret, 'plain'); Phase1Lifetime = @(1, 700000); Phase2Lifetime = @(1, 90000, 28800) } }
        @{ Cmdlet = 'Set-MegaportServiceKey'; Base = @{ Key = $KEY; Active = $false }; Bad = @{ Key = $badUid } }
        # Company administration and the platform.
        @{ Cmdlet = 'Get-MegaportUser'; Base = @{}; Bad = @{ Name = @('', $null); Email = @('', $null); Position = @('Boss', '') } }
        @{ Cmdlet = 'Get-MegaportUser'; Base = @{ EmployeeId = 9002 }; Bad = @{ EmployeeId = @(0, -1, 'abc', @(9002, 0)) } }
        @{ Cmdlet = 'New-MegaportUser'; Base = @{ FirstName = 'F'; LastName = 'L'; Email = 'fz@example.com'; Position = 'Read Only' }; Bad = @{
                FirstName = $badName; LastName = $badName; Email = @('', ' ', 'not-an-email', 'a@b', 'a b@example.com', (('e' * 300) + '@example.com'), (Get-ControlString), $null)
                Position = @('Boss', '', $null); Phone = @('1', 'abc', '+0123', ('1' * 20), '+61 412 345 678') } }
        @{ Cmdlet = 'Set-MegaportUser'; Base = @{ EmployeeId = 9002; Position = 'Finance' }; Bad = @{
                EmployeeId = @(0, -5, 'x'); FirstName = @('', ' ', ('n' * 65), (Get-ControlString)); LastName = @(''); Email = @('bad', '')
                Phone = @('abc', ''); Position = @('Boss'); Active = @('maybe') } }
        @{ Cmdlet = 'Remove-MegaportUser'; Base = @{ EmployeeId = 9005; Force = $true }; Bad = @{ EmployeeId = @(0, -1, 'x') } }
        @{ Cmdlet = 'Get-MegaportActivity'; Base = @{}; Bad = @{ User = @('', 'a b', '*', '../x', (Get-ControlString), ('u' * 100)); After = @('not a date') } }
        @{ Cmdlet = 'Get-MegaportBillingMarket'; Base = @{}; Bad = @{ Market = @('', $null) } }
        @{ Cmdlet = 'Set-MegaportBillingMarket'; Base = @{ Market = 'AU'; Currency = 'AUD'; Language = 'en'; ContactName = 'A'; ContactEmail = 'a@example.com'
                ContactPhone = '+61 7 3088 5999'; Address1 = '1 St'; City = 'Brisbane'; State = 'QLD'; Postcode = '4000'; Country = 'AU' }; Bad = @{
                Market = @('XX', '', $null, 'Australia'); Currency = @('AU', 'dollars', '', '12$'); Language = @('eng', '', 'e1'); ContactName = @('', ' ', $null, ('n' * 200))
                ContactEmail = @('x', '', 'a@'); ContactPhone = @('abc', '1', '', ('1' * 40)); Address1 = @('', (Get-ControlString)); City = @(''); State = @($null)
                Postcode = @('', ('9' * 20)); Country = @('AUS', '1', ''); PurchaseOrder = @(('p' * 100)); TaxNumber = @((Get-ControlString)); Address2 = @(('a' * 300)) } }
        @{ Cmdlet = 'Get-MegaportOrderApproval'; Base = @{}; Bad = @{ Status = @('OPEN', ''); ServiceId = @(0, -1, 'x', @()); PageSize = @(0, 1001, 'x'); First = @(-1, 'x'); Skip = @(-1) } }
        @{ Cmdlet = 'Approve-MegaportOrderApproval'; Base = @{ Uid = $APPROVAL }; Bad = @{ Uid = $badUid; Comment = @(('c' * 1001), (Get-ControlString)) } }
        @{ Cmdlet = 'Deny-MegaportOrderApproval'; Base = @{ Uid = $APPROVAL }; Bad = @{ Uid = $badUid; Comment = @(('c' * 1001), (Get-ControlString)) } }
        @{ Cmdlet = 'Revoke-MegaportOrderApproval'; Base = @{ Uid = $OWNREQUEST }; Bad = @{ Uid = $badUid; Comment = @(('c' * 1001)) } }
        @{ Cmdlet = 'Get-MegaportMaintenance'; Base = @{}; Bad = @{ State = @('Soon', '', @('Scheduled', 'Later')); ProductUid = $badUid } }
        @{ Cmdlet = 'Get-MegaportOutage'; Base = @{}; Bad = @{ State = @('Fixed', ''); ProductUid = $badUid } }
        @{ Cmdlet = 'Get-MegaportCountry'; Base = @{}; Bad = @{ Name = @('', $null); MarketCode = @('', $null) } }
        @{ Cmdlet = 'Get-MegaportMarketCode'; Base = @{}; Bad = @{ Bogus = @(1) } }
        @{ Cmdlet = 'Get-MegaportRoundTripTime'; Base = @{ SourceLocation = 3 }; Bad = @{
                SourceLocation = @(99999, 0, -1, 'x'); DestinationLocation = @(, @(99999)); Month = @(0, 13, 'x'); Year = @(2024, 1999, 'x') } }
        @{ Cmdlet = 'Get-MegaportRoundTripTime'; Base = @{ SourceLocation = 3; Month = 6 }; Bad = @{ Year = @(1999, 2100, 2099, 100) } }
        @{ Cmdlet = 'Get-MegaportPrice'; Base = @{ Port = $true; LocationId = 3; Speed = 10000 }; Bad = @{ LocationId = @(99999, 0, 'x'); Speed = @(7, 0, -1, 'fast'); Term = @(0, 7, -1, 'x') } }
        @{ Cmdlet = 'Get-MegaportPrice'; Base = @{ Mcr = $true; LocationId = 3; Speed = 1000 }; Bad = @{ Speed = @(3000, 400000); IpsecTunnelCount = @(5, 40, -1) } }
        @{ Cmdlet = 'Get-MegaportPrice'; Base = @{ Mve = $true; LocationId = 4; Size = 'SMALL' }; Bad = @{ Size = @('HUGE', ''); MveLabel = @(('m' * 300)); LocationId = @(99999) } }
        @{ Cmdlet = 'Get-MegaportPrice'; Base = @{ Vxc = $true; LocationId = 3; BEndLocationId = 80; RateLimit = 100 }; Bad = @{
                RateLimit = @(0, -1, 'x'); BEndLocationId = @(99999, 'x'); AEndProductType = @('Router'); ConnectType = @('CLOUD'); Term = @(5) } }
        @{ Cmdlet = 'Get-MegaportPrice'; Base = @{ Ix = $true; LocationId = 3; IxType = 'Sydney IX'; RateLimit = 100 }; Bad = @{ IxType = @('', ' ', 'No Such IX', 'LINX LON1', ('x' * 300)); RateLimit = @(0) } }
        @{ Cmdlet = 'Save-MegaportLoa'; Base = @{ ProductUid = $A; Path = $fuzzFolder }; Bad = @{ ProductUid = $badUid; Path = @((Join-Path $fuzzFolder 'no/such/folder/x.pdf'), '', $null) } }
        @{ Cmdlet = 'Save-MegaportLoa'; Base = @{ ProductUid = $A; Path = $fuzzFile }; Bad = @{ NoClobber = @($true) } }
        @{ Cmdlet = 'Invoke-MegaportRestMethod'; Base = @{ Path = '/v2/products' }; Bad = @{
                Path = @('', ' ', 'https://evil.example/v2/products', 'http://127.0.0.1:1/v2/products', '//evil/x', 'v2/products', '/a/../b', '/a/%2e%2e/b', "/v2/x`ty", '/v2/x y', '/v2/x#frag', 'file:///etc/passwd', '\\server\share', '/v2\x', ('/' + ('p' * 3000)))
                Method = @('FETCH', ''); Body = @(@{ a = 1 }, '{}') } }
        @{ Cmdlet = 'Invoke-MegaportRestMethod'; Base = @{ Method = 'POST'; Path = '/v2/x' }; Bad = @{ Body = @('{not json', @{ k = $secret }, 'text') } }
        @{ Cmdlet = 'New-MegaportNatGateway'; Base = @{ Name = 'fz'; LocationId = 3; Speed = 1000; Term = 1 }; Bad = @{
                Name = $badName; Speed = @(0, -1, 3000, 'fast'); SessionCount = @(0, -1, 64000); Term = $badTerm; Asn = $badAsn
                DiversityZone = @('green'); ServiceLevelReference = $badText; CostCentre = @(('c' * 256)); Tag = @('not-a-hashtable') } }
        @{ Cmdlet = 'New-MegaportNatGateway'; Base = @{ Name = 'fz'; Location = 'Global Switch Sydney'; Speed = 1000; Term = 1 }; Bad = @{
                Location = $badLocation; LocationId = @(3) } }
        @{ Cmdlet = 'Get-MegaportNatGateway'; Base = @{ ProductUid = $NAT }; Bad = @{ ProductUid = $badUid } }
        @{ Cmdlet = 'Get-MegaportNatGateway'; Base = @{}; Bad = @{ Name = @('', $null) } }
        @{ Cmdlet = 'Set-MegaportNatGateway'; Base = @{ ProductUid = $NAT; Name = 'fz' }; Bad = @{
                Name = $badName; Speed = @(0, -1); SessionCount = @(0, -5); Term = $badTerm; Asn = $badAsn; CostCentre = @(('c' * 256))
                ServiceLevelReference = $badText; AutoRenewTerm = @('maybe'); ProductUid = $badUid } }
        @{ Cmdlet = 'Get-MegaportNatGatewaySession'; Base = @{}; Bad = @{ Speed = @(3000, 'fast') } }
        @{ Cmdlet = 'Get-MegaportNatGatewayPacketFilter'; Base = @{ ProductUid = $NAT }; Bad = @{ ProductUid = $badUid; Id = @('x') } }
        @{ Cmdlet = 'New-MegaportNatGatewayPacketFilter'; Base = @{ ProductUid = $NAT; Description = 'fz'; Entry = @($filterEntry) }; Bad = @{
                ProductUid = $badUid; Description = @('', ' ', ('d' * 300))
                Entry = @('text', @{ Action = 'allow'; SourceAddress = '0.0.0.0/0'; DestinationAddress = '0.0.0.0/0' }, @{ Action = 'permit'; SourceAddress = 'x'; DestinationAddress = '0.0.0.0/0' },
                    @{ Action = 'permit'; SourceAddress = '0.0.0.0/0'; DestinationAddress = '0.0.0.0/0'; DestinationPorts = '99999' }, @{ Action = 'permit'; SourceAddress = '0.0.0.0/0'; DestinationAddress = '0.0.0.0/0'; IpProtocol = 'gre' },
                    @{ Bogus = 1 }) } }
        @{ Cmdlet = 'Set-MegaportNatGatewayPacketFilter'; Base = @{ ProductUid = $NAT; Id = 1; NewDescription = 'fz' }; Bad = @{
                ProductUid = $badUid; NewDescription = @('', ('d' * 300)); Id = @(0, -1, 'x'); Entry = @('text', @{ Action = 'x' }) } }
        @{ Cmdlet = 'Remove-MegaportNatGatewayPacketFilter'; Base = @{ ProductUid = $NAT; Id = 1; Force = $true }; Bad = @{ ProductUid = $badUid; Id = @(0, -1, 'x') } }
        @{ Cmdlet = 'Get-MegaportNatGatewayPrefixList'; Base = @{ ProductUid = $NAT }; Bad = @{ ProductUid = $badUid; Id = @('x') } }
        @{ Cmdlet = 'New-MegaportNatGatewayPrefixList'; Base = @{ ProductUid = $NAT; Description = 'fz'; Entry = @($prefixEntry) }; Bad = @{
                ProductUid = $badUid; Description = @('', ('d' * 300)); AddressFamily = @('IPv5', '')
                Entry = @('text', @{ Action = 'permit'; Prefix = '10.0.0.0/16'; Ge = 8 }, @{ Action = 'permit'; Prefix = '10.0.0.0/8'; Le = 40 }, @{ Action = 'permit' }, @{ Prefix = '10.0.0.0/8' }) } }
        @{ Cmdlet = 'Set-MegaportNatGatewayPrefixList'; Base = @{ ProductUid = $NAT; Id = 2; NewDescription = 'fz' }; Bad = @{
                ProductUid = $badUid; NewDescription = @(''); Id = @(0, 'x'); AddressFamily = @('IPv5'); Entry = @('text', @{ Action = 'permit'; Prefix = 'x' }) } }
        @{ Cmdlet = 'Remove-MegaportNatGatewayPrefixList'; Base = @{ ProductUid = $NAT; Id = 2; Force = $true }; Bad = @{ ProductUid = $badUid; Id = @(0, 'x') } }
        @{ Cmdlet = 'Get-MegaportNatGatewayRoute'; Base = @{ ProductUid = $NAT }; Bad = @{ ProductUid = $badUid; IpAddress = @('x', '10.0.0', '999.1.1.1'); Timeout = @(-1, 0, 'forever') } }
        @{ Cmdlet = 'Get-MegaportNatGatewayBgpNeighborRoute'; Base = @{ ProductUid = $NAT; PeerIpAddress = '10.0.0.2' }; Bad = @{
                ProductUid = $badUid; PeerIpAddress = @('', 'x', $null); Direction = @('Sideways', ''); Timeout = @(0) } }
        # Telemetry, topology and the report (issue 16)
        @{ Cmdlet = 'Get-MegaportTelemetry'; Base = @{ ProductUid = $A }; Bad = @{
                ProductUid = $badUid; Days = @(0, 181, -1, 100000, 'week'); Type = @('', $null, 'BANANAS', (Get-ControlString)) } }
        @{ Cmdlet = 'Get-MegaportTelemetry'; Base = @{ ProductUid = $A; From = [datetime]'2026-01-01'; To = [datetime]'2026-01-02' }; Bad = @{
                From = @([datetime]'2026-01-03', [datetime]'2026-01-02', [datetime]'2025-01-01', 'never'); To = @([datetime]'2025-12-31', [datetime]'2026-12-31', 'x') } }
        @{ Cmdlet = 'Get-MegaportTopology'; Base = @{ AsMermaid = $true }; Bad = @{ AsDot = @($true, 'x'); ManagedAccount = @('', $null) } }
        @{ Cmdlet = 'Export-MegaportReport'; Base = @{ Path = (Join-Path ([IO.Path]::GetTempPath()) 'megaport-fuzz-report.html') }; Bad = @{
                Path = @('', $null, '/no/such/folder/report.html', [IO.Path]::GetTempPath(), "bad`0path"); Days = @(0, 181, -7, 'week'); ProductUid = $badUid } }
    )

    $cases = [System.Collections.Generic.List[hashtable]]::new()
    foreach ($spec in $specs) {
        foreach ($param in $spec.Bad.Keys) {
            $values = $spec.Bad[$param]
            if ($values -is [scriptblock]) { $values = & $values }
            foreach ($value in $values) {
                $p = $spec.Base.Clone()
                $p[$param] = $value
                $cases.Add(@{ Cmdlet = $spec.Cmdlet; Params = $p; NoSession = [bool]$spec.NoSession; Label = "$($spec.Cmdlet) -$param" })
            }
        }
    }
    # Two bad parameters at once, chosen by the seeded generator.
    $multi = $specs | Where-Object { $_.Bad.Count -ge 2 }
    for ($i = 0; $i -lt 150; $i++) {
        $spec = $multi[$rng.Next($multi.Count)]
        $keys = @($spec.Bad.Keys)
        $p = $spec.Base.Clone()
        foreach ($param in ($keys | Sort-Object { $rng.Next() } | Select-Object -First 2)) {
            $values = $spec.Bad[$param]
            if ($values -is [scriptblock]) { $values = & $values }
            $p[$param] = @($values)[$rng.Next(@($values).Count)]
        }
        $cases.Add(@{ Cmdlet = $spec.Cmdlet; Params = $p; NoSession = [bool]$spec.NoSession; Label = "$($spec.Cmdlet) (two bad parameters)" })
    }
    # Designs: added after the seeded two-parameter draw, so the draws of the cmdlets above stay as they were.
    $designSpecs = @(
        @{ Cmdlet = 'Test-MegaportDesign'; Base = @{ Path = $designOk; Secret = $designSecret }; Bad = @{
                Path = $badDesign; Secret = @(@{ aws_auth_key = 'plain' }, @{}, 'text', @{ aws_auth_key = 42 }) } }
        @{ Cmdlet = 'Deploy-MegaportDesign'; Base = @{ Path = $designOk; Secret = $designSecret; Confirm = $false }; Bad = @{
                Path = $badDesign; Secret = @(@{ aws_auth_key = 'plain' }, @{}, 'text'); WaitTimeout = @('forever') } }
        @{ Cmdlet = 'Export-MegaportDesign'; Base = @{}; Bad = @{ ProductUid = $badUid; Format = @('Xml', ''); Path = @((Join-Path $designDir 'out.txt'), '') } }
    )
    foreach ($spec in $designSpecs) {
        foreach ($param in $spec.Bad.Keys) {
            foreach ($value in @(if ($spec.Bad[$param] -is [scriptblock]) { & $spec.Bad[$param] } else { $spec.Bad[$param] })) {
                $p = $spec.Base.Clone()
                $p[$param] = $value
                $cases.Add(@{ Cmdlet = $spec.Cmdlet; Params = $p; NoSession = $false; Label = "$($spec.Cmdlet) -$param" })
            }
        }
    }
    # Wrong objects from the pipeline.
    $location = Get-MegaportLocation -Id 3
    # A request that is no longer PENDING: refused before any call when it is piped in.
    $decided = Get-MegaportOrderApproval -Status APPROVED -First 1 -Session $session
    foreach ($pipe in @(
            @{ Cmdlet = 'Remove-MegaportService'; Input = $location; Params = @{ Force = $true } }
            @{ Cmdlet = 'Get-MegaportService'; Input = (Get-Date) }
            @{ Cmdlet = 'Wait-MegaportService'; Input = 'abc*' }
            @{ Cmdlet = 'Set-MegaportPort'; Input = @{ Foo = 1 }; Params = @{ Name = 'x' } }
            @{ Cmdlet = 'Lock-MegaportService'; Input = $location }
            @{ Cmdlet = 'Get-MegaportServiceTag'; Input = [pscustomobject]@{ ProductUid = 'a*b' } }
            @{ Cmdlet = 'New-MegaportVxc'; Input = $location; Params = @{ Name = 'x'; RateLimit = 10 } }
            @{ Cmdlet = 'New-MegaportPort'; Input = 'Global Switch Sydney'; Params = @{ Name = 'x'; Speed = 1000; Term = 1 } }
            @{ Cmdlet = 'Test-MegaportVlan'; Input = $location; Params = @{ Vlan = 100 } }
            @{ Cmdlet = 'Get-MegaportService'; Input = $null }
            @{ Cmdlet = 'Set-MegaportVxc'; Input = [pscustomobject]@{ ProductUid = '' }; Params = @{ Name = 'x' } }
            @{ Cmdlet = 'Restore-MegaportService'; Input = @{ ProductUid = "x`0y" } }
            @{ Cmdlet = 'Get-MegaportMcrRoute'; Input = $location }
            @{ Cmdlet = 'Approve-MegaportOrderApproval'; Input = $decided }
            @{ Cmdlet = 'Revoke-MegaportOrderApproval'; Input = $decided }
            @{ Cmdlet = 'Save-MegaportLoa'; Input = $location; Params = @{ Path = $fuzzFolder } }
            @{ Cmdlet = 'Get-MegaportRoundTripTime'; Input = (Get-Date) }
            @{ Cmdlet = 'Set-MegaportUser'; Input = @{ Foo = 1 }; Params = @{ Position = 'Finance' } }
            @{ Cmdlet = 'Get-MegaportMaintenance'; Input = [pscustomobject]@{ ProductUid = 'a*b' } }
            @{ Cmdlet = 'Get-MegaportPrice'; Input = [pscustomobject]@{ Id = 99999 }; Params = @{ Port = $true; Speed = 1000 } }
        )) {
        $cases.Add(@{ Cmdlet = $pipe.Cmdlet; Params = $(if ($pipe.Params) { $pipe.Params } else { @{} }); Input = $pipe.Input; HasInput = $true; Label = "$($pipe.Cmdlet) <- $($pipe.Input)" })
    }

    # Run them all in one runspace with a deadline, so a hang fails the test instead of the run.
    Reset-TestSimulator $sim
    $ps = New-ModulePowerShell
    $null = $ps.AddScript({
            param($cases, $session)
            foreach ($case in $cases) {
                $p = $case.Params.Clone()
                if (-not $case.NoSession) { $p.Session = $session }
                $record = $null; $output = $null
                try {
                    if ($case.HasInput) { $output = $case.Input | & $case.Cmdlet @p -ErrorAction Stop -WarningAction SilentlyContinue }
                    else { $output = & $case.Cmdlet @p -ErrorAction Stop -WarningAction SilentlyContinue }
                }
                catch { $record = $_ }
                $chain = @(); $e = if ($record) { $record.Exception } else { $null }
                while ($e) { $chain += $e.GetType().FullName; $e = $e.InnerException }
                [pscustomobject]@{
                    Label = $case.Label
                    ErrorId = if ($record) { $record.FullyQualifiedErrorId } else { $null }
                    Message = if ($record) { $record.Exception.Message } else { $null }
                    Exceptions = $chain
                    Output = @($output).Count
                }
            }
        }).AddArgument($cases.ToArray()).AddArgument($session)
    $async = $ps.BeginInvoke()
    $finished = $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(240))
    $results = if ($finished) { @($ps.EndInvoke($async)) } else { $ps.Stop(); @() }
    $ps.Dispose()
    $requests = @(Get-SimulatorRequests $sim)
}
AfterAll {
    Disconnect-Megaport
    Stop-MegaportSimulator $sim
    Remove-Item $fuzzFolder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Item $designDir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Bad-input fuzzing' {
    It 'generates at least 500 invalid invocations across every cmdlet' {
        $cases.Count | Should -BeGreaterOrEqual 500
        $covered = @($cases.Cmdlet | Sort-Object -Unique)
        foreach ($cmd in (Get-Command -Module Megaport).Name) { $covered | Should -Contain $cmd }
    }

    It 'finishes without hanging' {
        $finished | Should -BeTrue
        $results.Count | Should -Be $cases.Count
    }

    It 'ends every one in an ErrorRecord with a Megaport ErrorId or a parameter-binding id' {
        $allowed = '^(Megaport(NotConnected|AuthenticationFailed|PermissionDenied|InvalidArgument|ValidationFailed|ServiceNotFound|LocationNotFound|RateLimited|ApiError|WaitTimeout|NotSupported)|ParameterArgumentValidationError\w*|ParameterArgumentTransformationError\w*|CannotConvertArgument\w*|MissingArgument|NamedParameterNotFound|AmbiguousParameterSet|ParameterBindingFailed|MissingMandatoryParameter|InputObjectNotBound|InputObjectMissingMandatory|PositionalParameterNotFound|ParameterAlreadyBound|CannotBindParameter\w*)(,|$)'
        $bad = @($results | Where-Object { -not $_.ErrorId -or $_.ErrorId -notmatch $allowed })
        ($bad | ForEach-Object { "$($_.Label): $($_.ErrorId) $($_.Message)" }) -join "`n" | Should -BeNullOrEmpty
    }

    It 'never surfaces a .NET exception: only the module''s own errors and PowerShell''s binding errors, no unexpected error' {
        # A binding error may wrap a FormatException ("abc" is no Int32); the module's errors must wrap nothing of the sort.
        $binding = '^System\.Management\.Automation\.ParameterBinding\w*Exception$'
        $forbidden = 'NullReferenceException|InvalidCastException|IndexOutOfRangeException|KeyNotFoundException|ObjectDisposedException|FormatException|OverflowException|HostException'
        $bad = @($results | Where-Object {
                $top = $_.Exceptions[0]
                -not ($top -match $binding -or $top -eq 'Megaport.Errors.MegaportException') -or
                ($top -eq 'Megaport.Errors.MegaportException' -and (($_.Exceptions | Select-Object -Skip 1) -join ' ') -match $forbidden) -or
                $_.Message -match 'failed unexpectedly'
            })
        ($bad | ForEach-Object { "$($_.Label): $($_.Exceptions -join ' <- ') $($_.Message)" }) -join "`n" | Should -BeNullOrEmpty
    }

    It 'sends nothing to the API for input that can be rejected locally (only cached catalogue reads)' {
        $catalogue = '^/(v3/locations|v2/dropdowns/partner/megaports|v2/ixp|v4/product/mve/images|v3/product/mve/variants|v3/products/nat_gateways/sessions)$'
        $reached = @($requests | Where-Object { $_.path -notmatch $catalogue })
        ($reached | ForEach-Object { "$($_.method) $($_.path)" }) -join "`n" | Should -BeNullOrEmpty
        (Get-SimulatorStats $sim).validateCalls | Should -Be 0
        (Get-SimulatorStats $sim).buyCalls | Should -Be 0
    }
}
