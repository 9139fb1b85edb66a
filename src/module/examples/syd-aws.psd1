# The walkthrough as a design: a port at Global Switch Sydney and a VXC from it to AWS.
#   Test-MegaportDesign   -Path ./syd-aws.psd1 -Secret @{ aws_auth_key = (Read-Host -AsSecureString) }
#   Deploy-MegaportDesign -Path ./syd-aws.psd1 -Secret @{ aws_auth_key = (Read-Host -AsSecureString) }
@{
    Ports = @(
        @{ Name = 'syd-edge-1'; Location = 'Global Switch Sydney'; Speed = 10000; Term = 12; CostCentre = 'NET-OPS' }
    )
    Vxcs  = @(
        @{
            Name              = 'syd-edge-1 to AWS'
            RateLimit         = 500
            Term              = 1
            AEnd              = @{ ProductUid = '{{.port.syd-edge-1}}'; Vlan = 887 }
            BEnd              = @{ Cloud = 'AWS'; Location = 'Global Switch Sydney' }
            # The API's partnerConfig fields, as megaport-cli's --b-end-partner-config takes them.
            BEndPartnerConfig = @{ connectType = 'AWS'; type = 'private'; ownerAccount = '123456789123'; asn = 65001; authKey = '{{.secret.aws_auth_key}}' }
        }
    )
}
