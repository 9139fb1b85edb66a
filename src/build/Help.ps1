#Requires -Version 7.4
<#
.SYNOPSIS
    Builds the Megaport module's help: en-US/Megaport.dll-Help.xml (MAML, what Get-Help reads for binary cmdlets)
    and en-US/about_Megaport.help.txt, from the markdown in src/help/en-US.
.DESCRIPTION
    build.ps1 runs this at the end of the module layout:  & src/build/Help.ps1 -ModulePath out/Megaport/<version>

    The cmdlet metadata (parameter sets, types, positions, pipeline binding, aliases, wildcards, ValidateSet values,
    defaults, [OutputType]) comes from the BUILT module, imported in a child `pwsh -NoProfile -NonInteractive`
    (never in the build process: its DLLs would stay locked and could not be reloaded). The prose comes from the
    markdown. Common parameters and -ProgressAction are left out; -WhatIf and -Confirm are documented like any other
    parameter, because on Megaport orders they are part of the contract (-WhatIf shows the price).

    The build FAILS (this script throws, listing every problem at once) when
      - an exported cmdlet has no <Cmdlet-Name>.md, or a .md names no exported cmdlet;
      - the '# Cmdlet-Name' title does not match the file name;
      - SYNOPSIS or DESCRIPTION is missing or empty;
      - there are fewer than two examples, or an example has no ```powershell block, more than one, or no remarks;
      - a parameter of the cmdlet has no '### -Name' section (in its file or in _SharedParameters.md), or its
        section is empty;
      - the markdown documents a parameter the cmdlet does not have (or a common parameter);
      - OUTPUTS does not describe exactly the types of the cmdlet's [OutputType] ('None' for none or [void]);
      - a level-2 section is not one of those below, or appears twice;
      - about_Megaport.md is missing, or lacks SHORT DESCRIPTION or LONG DESCRIPTION.

    ------------------------------------------------------------------------------------------------------------
    THE MARKDOWN FORMAT (src/help/en-US/<Cmdlet-Name>.md; a small, strict subset of platyPS markdown)
    ------------------------------------------------------------------------------------------------------------
        # New-MegaportVxc                  the cmdlet's name, exactly; the first line of the file

        ## SYNOPSIS                         required: one short paragraph
        ## DESCRIPTION                      required: paragraphs, lists, ```fenced``` code
        ## EXAMPLES                         required: at least two
        ### Example 1: Connect a port to AWS     the title ("Example N: " is added when it is missing)
        ```powershell
        ...code; it must run as it is against the simulator after Connect-Megaport
        ```
        Remarks: paragraphs/lists after the code block; required.

        ## PARAMETERS                       required when the cmdlet has parameters
        ### -AEndProductUid                 one section per parameter, in the order Get-Help should list them
        Description: paragraphs/lists; required, never empty. Type, position, pipeline input, aliases,
        wildcards and default value are NOT written here: they come from the cmdlet itself.

        ## INPUTS                           optional; without it the input types come from the parameters that
        ### System.String                   take pipeline input, and say which parameter binds and how
        Description.

        ## OUTPUTS                          required: one '### Type.Name' per [OutputType] ('### None' if none)
        ### Megaport.Vxc
        Description.

        ## NOTES                            optional: paragraphs/lists
        ## RELATED LINKS                    optional: a list of '- [Get-MegaportService]()' or '- [text](https://...)'

    Text rules. Lines of a paragraph are joined with spaces (as markdown does); a blank line ends a paragraph.
    A list is a run of lines starting with '- ', '* ' or '1. ' (indented lines continue the item); it becomes one
    help paragraph with one line per item. A ```fenced``` block is kept verbatim (lines starting with '#' inside it
    are code, not headings). Inline markup is reduced to plain text for the console: `code` and **bold** lose their
    marks, [text](url) becomes "text (url)" and [text]() becomes "text". A '## CommonParameters' or
    '### CommonParameters' section is allowed and ignored.

    _SharedParameters.md: '# Shared parameters' and one '## PARAMETERS' section whose '### -Name' sections document a
    parameter every API cmdlet has (such as -ManagedAccount) once; a cmdlet's own '### -Name' section wins.

    about_Megaport.md:   # about_Megaport, ## SHORT DESCRIPTION, ## LONG DESCRIPTION (with ### subtopics),
    optional further ## sections (SEE ALSO, KEYWORDS, ...). It becomes the classic about_*.help.txt layout:
    headings in capitals at column 0 (subtopics at column 4, underlined), text wrapped at 80 columns and indented
    4 spaces, code indented 8.
.EXAMPLE
    & ./src/build/Help.ps1 -ModulePath ./out/Megaport/0.1.0
#>
[CmdletBinding()]
param(
    # The built module's version folder (out/Megaport/<version>), holding the .psd1.
    [Parameter(Mandatory)][string]$ModulePath,

    # The folder of the help markdown, with one sub-folder per culture.
    [string]$SourcePath = (Join-Path $PSScriptRoot '../help'),

    [string]$Culture = 'en-US',

    # A JSON file of the cmdlet metadata: read when it exists, else written after reading the module. For many runs
    # over one unchanged module (the tests), so the child PowerShell starts once.
    [string]$MetadataPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot 'Simulator.psm1')   # Get-PwshCommand (a no-op when build.ps1 has it loaded)

$ModulePath = (Resolve-Path $ModulePath).ProviderPath
$SourceDir = (Resolve-Path (Join-Path $SourcePath $Culture)).ProviderPath
$manifest = Get-ChildItem $ModulePath -Filter '*.psd1' | Select-Object -First 1
if (-not $manifest) { throw "Help: no module manifest (*.psd1) in $ModulePath." }
$ModuleName = $manifest.BaseName

# ------------------------------------------------------------------------------------------------------------------
# Metadata from the built module, read in a child PowerShell.
# ------------------------------------------------------------------------------------------------------------------

$metadataScript = {
    param([string]$ManifestPath, [string]$OutFile)
    $ErrorActionPreference = 'Stop'
    $module = Import-Module $ManifestPath -PassThru -Force
    $skip = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
    foreach ($n in [System.Management.Automation.Cmdlet]::CommonParameters) { $null = $skip.Add($n) }
    foreach ($n in 'UseTransaction', 'ProgressAction') { $null = $skip.Add($n) }

    function Format-Default($value) {
        if ($null -eq $value) { return 'None' }
        if ($value -is [System.Management.Automation.SwitchParameter]) { return [string]$value.IsPresent }
        if ($value -is [string]) { if ($value -eq '') { return 'None' } else { return $value } }
        if ($value -is [timespan]) { return $value.ToString('c', [cultureinfo]::InvariantCulture) }
        if ($value -is [System.Collections.IEnumerable]) { return (@($value) -join ', ') }
        if ($value -is [System.IFormattable]) { return $value.ToString($null, [cultureinfo]::InvariantCulture) }
        return [string]$value
    }

    $commands = foreach ($cmd in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
        $instance = $null
        if ($cmd.ImplementingType) {
            try { $instance = [Activator]::CreateInstance($cmd.ImplementingType) } catch { $instance = $null }
        }
        $parameters = foreach ($p in $cmd.Parameters.Values) {
            if ($skip.Contains($p.Name)) { continue }
            $default = 'None'
            if ($instance) {
                $prop = $cmd.ImplementingType.GetProperty($p.Name)
                if ($prop) { try { $default = Format-Default ($prop.GetValue($instance)) } catch { } }
            }
            $validateSet = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } |
                ForEach-Object { $_.ValidValues })
            [ordered]@{
                Name          = $p.Name
                Type          = $p.ParameterType.FullName
                ShortType     = $(if ([Nullable]::GetUnderlyingType($p.ParameterType)) { [Nullable]::GetUnderlyingType($p.ParameterType).Name } else { $p.ParameterType.Name })
                IsSwitch      = $p.SwitchParameter
                IsArray       = $p.ParameterType.IsArray
                Aliases       = @($p.Aliases)
                Globbing      = [bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
                ValidateSet   = $validateSet
                Default       = $default
                Sets          = @(foreach ($setName in $p.ParameterSets.Keys) {
                        $s = $p.ParameterSets[$setName]
                        [ordered]@{
                            Name                = $setName
                            Mandatory           = $s.IsMandatory
                            Position            = $s.Position
                            ByValue             = $s.ValueFromPipeline
                            ByPropertyName      = $s.ValueFromPipelineByPropertyName
                            RemainingArguments  = $s.ValueFromRemainingArguments
                        }
                    })
            }
        }
        if ($instance -is [System.IDisposable]) { $instance.Dispose() }
        $sets = foreach ($set in $cmd.ParameterSets) {
            [ordered]@{
                Name       = $set.Name
                IsDefault  = $set.IsDefault
                Parameters = @($set.Parameters | Where-Object { -not $skip.Contains($_.Name) } | ForEach-Object { $_.Name })
            }
        }
        [ordered]@{
            Name        = $cmd.Name
            Verb        = $cmd.Verb
            Noun        = $cmd.Noun
            Parameters  = @($parameters)
            Sets        = @($sets)
            OutputTypes = @($cmd.OutputType | ForEach-Object { $_.Name } | Where-Object { $_ -and $_ -ne 'System.Void' } | Select-Object -Unique)
        }
    }
    [ordered]@{ Module = $module.Name; Version = [string]$module.Version; Commands = @($commands) } |
        ConvertTo-Json -Depth 10 | Set-Content -Path $OutFile -Encoding utf8
}

function Get-ModuleMetadata {
    if ($MetadataPath -and (Test-Path $MetadataPath)) { return Get-Content $MetadataPath -Raw | ConvertFrom-Json }
    $scriptFile = [IO.Path]::Combine([IO.Path]::GetTempPath(), "megaport-help-$([guid]::NewGuid()).ps1")
    $outFile = [IO.Path]::ChangeExtension($scriptFile, '.json')
    Set-Content -Path $scriptFile -Value $metadataScript.ToString() -Encoding utf8
    try {
        $pwsh = Get-PwshCommand
        $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $scriptFile `
            -ManifestPath $manifest.FullName -OutFile $outFile 2>&1 | Out-String
        if ($LASTEXITCODE -ne 0 -or -not (Test-Path $outFile)) {
            throw "Help: reading the cmdlets of $($manifest.FullName) in a child PowerShell failed (exit code $LASTEXITCODE): $output"
        }
        if ($MetadataPath) { Copy-Item $outFile $MetadataPath }
        Get-Content $outFile -Raw | ConvertFrom-Json
    }
    finally {
        Remove-Item $scriptFile, $outFile -ErrorAction SilentlyContinue
    }
}

# ------------------------------------------------------------------------------------------------------------------
# Markdown
# ------------------------------------------------------------------------------------------------------------------

# Splits a file into its title, level-2 sections and their level-3 subsections, ignoring '#' lines inside fences.
function Read-HelpMarkdown {
    param([Parameter(Mandatory)][string]$Path, [System.Collections.Generic.List[string]]$Problems)
    $file = Split-Path $Path -Leaf
    $doc = [ordered]@{ File = $file; Title = $null; Sections = [ordered]@{} }
    $section = $null; $sub = $null; $inFence = $false
    $lineNo = 0
    foreach ($line in (Get-Content -Path $Path -Encoding utf8)) {
        $lineNo++
        if ($line -match '^\s*(```|~~~)') { $inFence = -not $inFence }
        if (-not $inFence -and $line -notmatch '^\s*(```|~~~)') {
            if ($line -match '^#\s+(.+?)\s*$') {
                if ($doc.Title) { $Problems.Add("${file}:${lineNo}: a second '# ' title ('$($Matches[1])').") }
                else { $doc.Title = $Matches[1] }
                continue
            }
            if ($line -match '^##\s+(.+?)\s*$') {
                $name = $Matches[1].ToUpperInvariant()
                if ($doc.Sections.Contains($name)) { $Problems.Add("${file}:${lineNo}: section '## $name' appears twice.") }
                $section = [ordered]@{ Name = $name; Lines = [System.Collections.Generic.List[string]]::new(); Subsections = [System.Collections.Generic.List[object]]::new() }
                $doc.Sections[$name] = $section
                $sub = $null
                continue
            }
            if ($line -match '^###\s+(.+?)\s*$') {
                if (-not $section) { $Problems.Add("${file}:${lineNo}: '### $($Matches[1])' before any '## ' section."); continue }
                $sub = [ordered]@{ Title = $Matches[1]; Line = $lineNo; Lines = [System.Collections.Generic.List[string]]::new() }
                $section.Subsections.Add($sub)
                continue
            }
            if ($line -match '^#{4,}\s') { $Problems.Add("${file}:${lineNo}: headings below level 3 are not part of the format.") }
        }
        if ($sub) { $sub.Lines.Add($line) }
        elseif ($section) { $section.Lines.Add($line) }
        elseif ($line.Trim()) { $Problems.Add("${file}:${lineNo}: text before the first '## ' section.") }
    }
    if ($inFence) { $Problems.Add("${file}: a ``````` fence is never closed.") }
    [pscustomobject]$doc
}

# Markdown inline marks -> console text.
function ConvertTo-PlainText([string]$Text) {
    $t = [regex]::Replace($Text, '\[([^\]]+)\]\(\s*\)', '$1')
    $t = [regex]::Replace($t, '\[([^\]]+)\]\(([^)\s]+)\)', '$1 ($2)')
    $t = [regex]::Replace($t, '\*\*(.+?)\*\*', '$1')
    $t = [regex]::Replace($t, '`([^`]+)`', '$1')
    $t
}

# Lines -> blocks: @{ Kind = 'para' | 'list' | 'code'; Text = ...; Items = ...; Language = ... }.
function ConvertTo-HelpBlock {
    param([string[]]$Lines)
    $blocks = [System.Collections.Generic.List[object]]::new()
    $para = [System.Collections.Generic.List[string]]::new()
    $items = $null; $code = $null; $language = $null
    # Dot-sourced below, so they run in this function's scope.
    $flushPara = {
        if ($para.Count) { $blocks.Add([pscustomobject]@{ Kind = 'para'; Text = (ConvertTo-PlainText ($para -join ' ')) }); $para.Clear() }
    }
    $flushList = {
        if ($null -ne $items) { $blocks.Add([pscustomobject]@{ Kind = 'list'; Items = @($items | ForEach-Object { ConvertTo-PlainText $_ }) }); $items = $null }
    }
    foreach ($raw in $Lines) {
        if ($null -ne $code) {
            if ($raw -match '^\s*(```|~~~)\s*$') {
                $blocks.Add([pscustomobject]@{ Kind = 'code'; Text = ($code -join "`n"); Language = $language })
                $code = $null
            }
            else { $code.Add($raw) }
            continue
        }
        if ($raw -match '^\s*(```|~~~)\s*([\w-]*)\s*$') {
            . $flushPara; . $flushList
            $code = [System.Collections.Generic.List[string]]::new(); $language = $Matches[2]
            continue
        }
        $line = $raw.TrimEnd()
        if (-not $line.Trim()) { . $flushPara; . $flushList; continue }
        if ($line -match '^(\s{0,3})([-*]|\d{1,3}\.)\s+(.*)$') {
            . $flushPara
            if ($null -eq $items) { $items = [System.Collections.Generic.List[string]]::new() }
            $marker = $Matches[2]; $text = $Matches[3].Trim()
            if ($marker -eq '*') { $marker = '-' }
            $items.Add("$marker $text")
            continue
        }
        if ($null -ne $items -and $line -match '^\s+\S') { $items[$items.Count - 1] += ' ' + $line.Trim(); continue }
        . $flushList
        $para.Add($line.Trim())
    }
    . $flushPara; . $flushList
    if ($null -ne $code) { $blocks.Add([pscustomobject]@{ Kind = 'code'; Text = ($code -join "`n"); Language = $language }) }
    $blocks.ToArray()
}

# Blocks -> the strings that become <maml:para> elements, wrapped at word boundaries to $Width columns (Get-Help keeps
# the line breaks, and otherwise breaks lines in the middle of words). Lists are one paragraph, one line per item.
function ConvertTo-Para([object[]]$Blocks, [int]$Width = 0) {
    foreach ($b in $Blocks) {
        switch ($b.Kind) {
            'para' { if ($Width) { (Format-Wrapped $b.Text 0 0 $Width) -join "`n" } else { $b.Text } }
            'list' {
                $lines = foreach ($item in $b.Items) {
                    if ($Width) { Format-Wrapped $item 0 (($item -split ' ', 2)[0].Length + 1) $Width } else { $item }
                }
                $lines -join "`n"
            }
            'code' { ($b.Text -split "`n" | ForEach-Object { "    $_".TrimEnd() }) -join "`n" }
        }
    }
}

function Test-HasText([object[]]$Blocks) { [bool]($Blocks | Where-Object { ($_.Kind -eq 'list') -or ($_.Kind -in 'para', 'code' -and $_.Text.Trim()) }) }

# ------------------------------------------------------------------------------------------------------------------
# Checks: the markdown against the cmdlet
# ------------------------------------------------------------------------------------------------------------------

$KnownSections = 'SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS', 'COMMONPARAMETERS'

function Get-CommandHelp {
    param([Parameter(Mandatory)]$Command, [Parameter(Mandatory)]$Doc, [System.Collections.Generic.List[string]]$Problems)
    $file = $Doc.File
    $name = $Command.Name
    if ($Doc.Title -cne $name) { $Problems.Add("${file}: the title is '# $($Doc.Title)'; it must be '# $name'.") }
    foreach ($s in $Doc.Sections.Keys) {
        if ($s -notin $KnownSections) { $Problems.Add("${file}: unknown section '## $s' (known: $($KnownSections -join ', ')).") }
    }
    $sectionBlocks = {
        param($sectionName)
        if ($Doc.Sections.Contains($sectionName)) { @(ConvertTo-HelpBlock $Doc.Sections[$sectionName].Lines) } else { @() }
    }

    $synopsis = @(& $sectionBlocks 'SYNOPSIS')
    if (-not (Test-HasText $synopsis)) { $Problems.Add("${file}: SYNOPSIS is missing or empty.") }
    $description = @(& $sectionBlocks 'DESCRIPTION')
    if (-not (Test-HasText $description)) { $Problems.Add("${file}: DESCRIPTION is missing or empty.") }

    # Examples
    $examples = [System.Collections.Generic.List[object]]::new()
    if ($Doc.Sections.Contains('EXAMPLES')) {
        $i = 0
        foreach ($sub in $Doc.Sections['EXAMPLES'].Subsections) {
            $i++
            $blocks = @(ConvertTo-HelpBlock $sub.Lines)
            $code = @($blocks | Where-Object Kind -eq 'code')
            $remarks = @($blocks | Where-Object Kind -ne 'code')
            if ($code.Count -ne 1) { $Problems.Add("${file}: example '$($sub.Title)' needs exactly one ``````powershell block (has $($code.Count)).") }
            elseif ($code[0].Language -notin 'powershell', 'pwsh', 'ps1') { $Problems.Add("${file}: example '$($sub.Title)' must fence its code as ``````powershell.") }
            elseif (-not $code[0].Text.Trim()) { $Problems.Add("${file}: example '$($sub.Title)' has no code.") }
            if (-not (Test-HasText $remarks)) { $Problems.Add("${file}: example '$($sub.Title)' needs text after its code saying what it does.") }
            $title = if ($sub.Title -match '^Example\s+\d+') { $sub.Title } else { "Example ${i}: $($sub.Title)" }
            $examples.Add([pscustomobject]@{
                    Title   = (ConvertTo-PlainText $title)
                    Code    = $(if ($code.Count) { $code[0].Text.Trim("`n") } else { '' })
                    Remarks = @(ConvertTo-Para $remarks 76)
                })
        }
    }
    if ($examples.Count -lt 2) { $Problems.Add("${file}: $($examples.Count) example(s); every cmdlet needs at least two.") }

    # Parameters
    $paramDocs = [ordered]@{}
    if ($Doc.Sections.Contains('PARAMETERS')) {
        foreach ($sub in $Doc.Sections['PARAMETERS'].Subsections) {
            if ($sub.Title -eq 'CommonParameters') { continue }
            if ($sub.Title -notmatch '^-(\w+)$') { $Problems.Add("${file}: parameter heading '### $($sub.Title)' must be '### -Name'."); continue }
            $pn = $Matches[1]
            if ($paramDocs.Contains($pn)) { $Problems.Add("${file}: parameter -$pn is documented twice."); continue }
            $paramDocs[$pn] = @(ConvertTo-HelpBlock $sub.Lines)
        }
    }
    foreach ($p in $Command.Parameters) {
        if (-not $paramDocs.Contains($p.Name) -and $SharedParameters.Contains($p.Name)) { $paramDocs[$p.Name] = $SharedParameters[$p.Name] }
    }
    $byName = @{}
    foreach ($p in $Command.Parameters) { $byName[$p.Name] = $p }
    foreach ($p in $Command.Parameters) {
        $documented = $paramDocs.Keys | Where-Object { $_ -eq $p.Name }
        if (-not $documented) { $Problems.Add("${file}: parameter -$($p.Name) of $name is not documented (add '### -$($p.Name)' under ## PARAMETERS).") }
        elseif ($documented -cne $p.Name) { $Problems.Add("${file}: '### -$documented' must be spelled '### -$($p.Name)'.") }
        elseif (-not (Test-HasText $paramDocs[$p.Name])) { $Problems.Add("${file}: parameter -$($p.Name) has no description.") }
    }
    foreach ($pn in $paramDocs.Keys) {
        if (-not $byName.ContainsKey($pn)) { $Problems.Add("${file}: documents -$pn, which $name does not have.") }
    }

    # Outputs
    $outputDocs = [ordered]@{}
    if ($Doc.Sections.Contains('OUTPUTS')) {
        foreach ($sub in $Doc.Sections['OUTPUTS'].Subsections) { $outputDocs[$sub.Title] = @(ConvertTo-HelpBlock $sub.Lines) }
    }
    else { $Problems.Add("${file}: OUTPUTS is missing.") }
    $wanted = if ($Command.OutputTypes.Count) { @($Command.OutputTypes) } else { @('None') }
    foreach ($t in $wanted) {
        if (-not $outputDocs.Contains($t)) { $Problems.Add("${file}: OUTPUTS has no '### $t' ($name has [OutputType($t)]).") }
        elseif (-not (Test-HasText $outputDocs[$t])) { $Problems.Add("${file}: output type $t has no description.") }
    }
    foreach ($t in $outputDocs.Keys) {
        if ($t -notin $wanted) { $Problems.Add("${file}: OUTPUTS names '$t', which is not an [OutputType] of $name ($($wanted -join ', ')).") }
    }

    # Inputs: written, or derived from the parameters that bind from the pipeline.
    $inputs = [System.Collections.Generic.List[object]]::new()
    if ($Doc.Sections.Contains('INPUTS')) {
        foreach ($sub in $Doc.Sections['INPUTS'].Subsections) {
            $inputs.Add([pscustomobject]@{ Type = $sub.Title; Paras = @(ConvertTo-Para (ConvertTo-HelpBlock $sub.Lines) 72) })
        }
    }
    else {
        foreach ($group in $Command.Parameters | Where-Object { $_.Sets | Where-Object { $_.ByValue -or $_.ByPropertyName } } | Group-Object Type) {
            $how = foreach ($p in $group.Group) {
                $ways = @()
                if ($p.Sets | Where-Object ByValue) { $ways += 'by value' }
                if ($p.Sets | Where-Object ByPropertyName) { $ways += "by property name ($(@($p.Name) + @($p.Aliases) -join ', '))" }
                (Format-Wrapped "-$($p.Name) binds $($ways -join ' and ')." 0 0 72) -join "`n"
            }
            $inputs.Add([pscustomobject]@{ Type = $group.Name; Paras = @($how) })
        }
        if (-not $inputs.Count) { $inputs.Add([pscustomobject]@{ Type = 'None'; Paras = @("You cannot pipe objects to $name.") }) }
    }

    # Related links
    $links = [System.Collections.Generic.List[object]]::new()
    if ($Doc.Sections.Contains('RELATED LINKS')) {
        foreach ($line in $Doc.Sections['RELATED LINKS'].Lines) {
            if ($line -match '^\s*[-*]\s+\[([^\]]+)\]\(([^)]*)\)\s*$') { $links.Add([pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2].Trim() }) }
            elseif ($line -match '^\s*[-*]\s+(.+?)\s*$') { $links.Add([pscustomobject]@{ Text = $Matches[1]; Uri = '' }) }
            elseif ($line.Trim()) { $Problems.Add("${file}: RELATED LINKS takes list items ('- [Name]()' or '- [text](uri)'), not '$($line.Trim())'.") }
        }
    }

    [pscustomobject]@{
        Command     = $Command
        Synopsis    = (ConvertTo-Para $synopsis) -join ' '
        Description = @(ConvertTo-Para $description 76)
        Examples    = $examples.ToArray()
        ParamDocs   = $paramDocs
        Outputs     = @(foreach ($t in $wanted) { [pscustomobject]@{ Type = $t; Paras = @(if ($outputDocs.Contains($t)) { ConvertTo-Para $outputDocs[$t] 72 }) } })
        Inputs      = $inputs.ToArray()
        Notes       = @(ConvertTo-Para (& $sectionBlocks 'NOTES') 72)
        Links       = $links.ToArray()
    }
}

# ------------------------------------------------------------------------------------------------------------------
# MAML
# ------------------------------------------------------------------------------------------------------------------

$NsMaml = 'http://schemas.microsoft.com/maml/2004/10'
$NsCommand = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$NsDev = 'http://schemas.microsoft.com/maml/dev/2004/10'

function Write-Paras([System.Xml.XmlWriter]$W, [string[]]$Paras) {
    $W.WriteStartElement('maml', 'description', $NsMaml)
    if (-not $Paras) { $Paras = @('') }
    foreach ($p in $Paras) { $W.WriteElementString('maml', 'para', $NsMaml, $p) }
    $W.WriteEndElement()
}

function Get-PipelineText($Sets) {
    $ways = @()
    if ($Sets | Where-Object ByPropertyName) { $ways += 'ByPropertyName' }
    if ($Sets | Where-Object ByValue) { $ways += 'ByValue' }
    if ($ways) { "True ($($ways -join ', '))" } else { 'False' }
}

function Get-PositionText($Sets) {
    $positions = @($Sets | Where-Object { $_.Position -ge 0 } | ForEach-Object Position | Select-Object -Unique)
    if ($positions.Count -eq 1) { [string]$positions[0] } else { 'named' }
}

# Get-Help shows required as true/false only: true when the parameter is mandatory in any of its parameter sets (the
# syntax shows the sets; descriptions say when a parameter is only sometimes required).
function Get-RequiredText($Sets) {
    ([bool](@($Sets) | Where-Object Mandatory)).ToString().ToLowerInvariant()
}

function Write-Parameter {
    param([System.Xml.XmlWriter]$W, $Param, $Sets, [string[]]$Paras, [bool]$ForSyntax)
    $W.WriteStartElement('command', 'parameter', $NsCommand)
    $W.WriteAttributeString('required', (Get-RequiredText $Sets))
    $W.WriteAttributeString('variableLength', $Param.IsArray.ToString().ToLowerInvariant())
    $W.WriteAttributeString('globbing', $Param.Globbing.ToString().ToLowerInvariant())
    $W.WriteAttributeString('pipelineInput', (Get-PipelineText $Sets))
    $W.WriteAttributeString('position', (Get-PositionText $Sets))
    $W.WriteAttributeString('aliases', $(if ($Param.Aliases.Count) { $Param.Aliases -join ', ' } else { 'none' }))
    $W.WriteElementString('maml', 'name', $NsMaml, $Param.Name)
    Write-Paras $W $Paras
    if ($Param.ValidateSet.Count) {
        $W.WriteStartElement('command', 'parameterValueGroup', $NsCommand)
        foreach ($v in $Param.ValidateSet) {
            $W.WriteStartElement('command', 'parameterValue', $NsCommand)
            $W.WriteAttributeString('required', 'false'); $W.WriteAttributeString('variableLength', 'false')
            $W.WriteString($v); $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }
    if (-not ($ForSyntax -and $Param.IsSwitch)) {
        $W.WriteStartElement('command', 'parameterValue', $NsCommand)
        $W.WriteAttributeString('required', $(if ($Param.IsSwitch) { 'false' } else { 'true' }))
        $W.WriteAttributeString('variableLength', $Param.IsArray.ToString().ToLowerInvariant())
        $W.WriteString($Param.ShortType); $W.WriteEndElement()
    }
    $W.WriteStartElement('dev', 'type', $NsDev)
    $W.WriteElementString('maml', 'name', $NsMaml, $Param.Type)
    $W.WriteElementString('maml', 'uri', $NsMaml, '')
    $W.WriteEndElement()
    $W.WriteElementString('dev', 'defaultValue', $NsDev, $(if (@($Sets | Where-Object Mandatory).Count -eq @($Sets).Count) { 'None' } else { $Param.Default }))
    $W.WriteEndElement()
}

function Write-CommandHelp([System.Xml.XmlWriter]$W, $Help) {
    $cmd = $Help.Command
    $W.WriteStartElement('command', 'command', $NsCommand)
    $W.WriteAttributeString('xmlns', 'maml', $null, $NsMaml)
    $W.WriteAttributeString('xmlns', 'command', $null, $NsCommand)
    $W.WriteAttributeString('xmlns', 'dev', $null, $NsDev)

    $W.WriteStartElement('command', 'details', $NsCommand)
    $W.WriteElementString('command', 'name', $NsCommand, $cmd.Name)
    $W.WriteElementString('command', 'verb', $NsCommand, $cmd.Verb)
    $W.WriteElementString('command', 'noun', $NsCommand, $cmd.Noun)
    Write-Paras $W @($Help.Synopsis)
    $W.WriteEndElement()

    Write-Paras $W $Help.Description

    # Syntax: one item per parameter set, the default set first; positional, then mandatory, then the rest.
    $W.WriteStartElement('command', 'syntax', $NsCommand)
    $sets = @($cmd.Sets | Sort-Object { -not $_.IsDefault })
    foreach ($set in $sets) {
        $W.WriteStartElement('command', 'syntaxItem', $NsCommand)
        $W.WriteElementString('maml', 'name', $NsMaml, $cmd.Name)
        $inSet = foreach ($pn in $set.Parameters) {
            $p = $cmd.Parameters | Where-Object Name -eq $pn
            $s = $p.Sets | Where-Object { $_.Name -eq $set.Name -or $_.Name -eq '__AllParameterSets' } | Select-Object -First 1
            [pscustomobject]@{ Param = $p; Set = $s }
        }
        $i = 0
        $ordered = $inSet | ForEach-Object { $i++; $_ | Add-Member -NotePropertyName Order -NotePropertyValue $i -PassThru } |
            Sort-Object @{ E = { if ($_.Set.Position -ge 0) { 0 } elseif ($_.Set.Mandatory) { 1 } elseif ($_.Param.Name -in 'WhatIf', 'Confirm') { 3 } else { 2 } } },
            @{ E = { if ($_.Set.Position -ge 0) { $_.Set.Position } else { 0 } } }, Order
        foreach ($x in $ordered) {
            Write-Parameter $W $x.Param @($x.Set) @(ConvertTo-Para $Help.ParamDocs[$x.Param.Name] 72) $true
        }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    # Parameters, in the markdown's order.
    $W.WriteStartElement('command', 'parameters', $NsCommand)
    foreach ($pn in $Help.ParamDocs.Keys) {
        $p = $cmd.Parameters | Where-Object Name -eq $pn
        if (-not $p) { continue }
        Write-Parameter $W $p @($p.Sets) @(ConvertTo-Para $Help.ParamDocs[$pn] 72) $false
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'inputTypes', $NsCommand)
    foreach ($in in $Help.Inputs) {
        $W.WriteStartElement('command', 'inputType', $NsCommand)
        $W.WriteStartElement('dev', 'type', $NsDev); $W.WriteElementString('maml', 'name', $NsMaml, $in.Type); $W.WriteEndElement()
        Write-Paras $W $in.Paras
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'returnValues', $NsCommand)
    foreach ($out in $Help.Outputs) {
        $W.WriteStartElement('command', 'returnValue', $NsCommand)
        $W.WriteStartElement('dev', 'type', $NsDev); $W.WriteElementString('maml', 'name', $NsMaml, $out.Type); $W.WriteEndElement()
        Write-Paras $W $out.Paras
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    if ($Help.Notes) {
        $W.WriteStartElement('maml', 'alertSet', $NsMaml)
        $W.WriteStartElement('maml', 'alert', $NsMaml)
        foreach ($p in $Help.Notes) { $W.WriteElementString('maml', 'para', $NsMaml, $p) }
        $W.WriteEndElement(); $W.WriteEndElement()
    }

    $W.WriteStartElement('command', 'examples', $NsCommand)
    foreach ($ex in $Help.Examples) {
        $W.WriteStartElement('command', 'example', $NsCommand)
        $dashes = '-' * [Math]::Max(4, [int]((76 - $ex.Title.Length - 2) / 2))
        $W.WriteElementString('maml', 'title', $NsMaml, "$dashes $($ex.Title) $dashes")
        $W.WriteElementString('dev', 'code', $NsDev, $ex.Code)
        $W.WriteStartElement('dev', 'remarks', $NsDev)
        foreach ($p in $ex.Remarks) { $W.WriteElementString('maml', 'para', $NsMaml, $p) }
        $W.WriteElementString('maml', 'para', $NsMaml, '')   # a blank line before the next example
        $W.WriteEndElement()
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'relatedLinks', $NsCommand)
    foreach ($l in $Help.Links) {
        $W.WriteStartElement('maml', 'navigationLink', $NsMaml)
        $W.WriteElementString('maml', 'linkText', $NsMaml, $l.Text)
        $W.WriteElementString('maml', 'uri', $NsMaml, $l.Uri)
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteEndElement()
}

# ------------------------------------------------------------------------------------------------------------------
# about_*.help.txt
# ------------------------------------------------------------------------------------------------------------------

function Format-Wrapped([string]$Text, [int]$Indent, [int]$Hanging = $Indent, [int]$Width = 80) {
    $lines = [System.Collections.Generic.List[string]]::new()
    $current = ' ' * $Indent
    $empty = $true
    foreach ($word in ($Text -split '\s+' | Where-Object { $_ })) {
        if (-not $empty -and $current.Length + 1 + $word.Length -gt $Width) {
            $lines.Add($current.TrimEnd()); $current = (' ' * $Hanging) + $word
        }
        else { $current += $(if ($empty) { '' } else { ' ' }) + $word }
        $empty = $false
    }
    if (-not $empty) { $lines.Add($current.TrimEnd()) }
    $lines
}

function ConvertTo-AboutText {
    param([Parameter(Mandatory)]$Doc, [System.Collections.Generic.List[string]]$Problems)
    $file = $Doc.File
    $topic = [IO.Path]::GetFileNameWithoutExtension($file)
    if ($Doc.Title -cne $topic) { $Problems.Add("${file}: the title must be '# $topic'.") }
    foreach ($required in 'SHORT DESCRIPTION', 'LONG DESCRIPTION') {
        if (-not $Doc.Sections.Contains($required) -or -not (Test-HasText (ConvertTo-HelpBlock ($Doc.Sections[$required].Lines + @($Doc.Sections[$required].Subsections | ForEach-Object { $_.Lines }))))) {
            $Problems.Add("${file}: '## $required' is missing or empty.")
        }
    }
    $out = [System.Collections.Generic.List[string]]::new()
    $out.Add('TOPIC'); $out.Add("    $topic"); $out.Add('')
    $emit = {
        param([string[]]$Lines, [int]$Indent)
        foreach ($b in ConvertTo-HelpBlock $Lines) {
            switch ($b.Kind) {
                'para' { Format-Wrapped $b.Text $Indent | ForEach-Object { $out.Add($_) } }
                'list' {
                    foreach ($item in $b.Items) {
                        $marker = ($item -split ' ', 2)[0]
                        Format-Wrapped $item $Indent ($Indent + $marker.Length + 1) | ForEach-Object { $out.Add($_) }
                    }
                }
                'code' { foreach ($l in $b.Text -split "`n") { $out.Add(((' ' * ($Indent + 4)) + $l).TrimEnd()) } }
            }
            $out.Add('')
        }
    }
    foreach ($section in $Doc.Sections.Values) {
        $out.Add($section.Name)
        & $emit $section.Lines 4
        foreach ($sub in $section.Subsections) {
            $heading = ConvertTo-PlainText $sub.Title
            $out.Add("    $heading"); $out.Add('    ' + ('-' * $heading.Length))
            & $emit $sub.Lines 4
        }
    }
    while ($out.Count -and -not $out[$out.Count - 1]) { $out.RemoveAt($out.Count - 1) }
    ($out -join [Environment]::NewLine) + [Environment]::NewLine
}

# ------------------------------------------------------------------------------------------------------------------
# Main
# ------------------------------------------------------------------------------------------------------------------

$problems = [System.Collections.Generic.List[string]]::new()
$metadata = Get-ModuleMetadata
if (-not $metadata.Commands) { throw "Help: $ModuleName exports no cmdlets (is $ModulePath a built module?)." }

# Parameters many cmdlets share, documented once.
$SharedParameters = [ordered]@{}
$sharedFile = Join-Path $SourceDir '_SharedParameters.md'
if (Test-Path $sharedFile) {
    $shared = Read-HelpMarkdown -Path $sharedFile -Problems $problems
    if ($shared.Sections.Contains('PARAMETERS')) {
        foreach ($sub in $shared.Sections['PARAMETERS'].Subsections) {
            if ($sub.Title -notmatch '^-(\w+)$') { $problems.Add("_SharedParameters.md: parameter heading '### $($sub.Title)' must be '### -Name'."); continue }
            $SharedParameters[$Matches[1]] = @(ConvertTo-HelpBlock $sub.Lines)
        }
    }
}

$docs = @{}
foreach ($md in Get-ChildItem $SourceDir -Filter '*.md' | Where-Object { $_.BaseName -notlike 'about_*' -and $_.BaseName -notlike '_*' }) {
    $docs[$md.BaseName] = Read-HelpMarkdown -Path $md.FullName -Problems $problems
}
$helps = foreach ($cmd in $metadata.Commands) {
    if (-not $docs.ContainsKey($cmd.Name)) {
        $problems.Add("$($cmd.Name): no help; write $(Join-Path $SourceDir "$($cmd.Name).md") (see the format at the top of src/build/Help.ps1).")
        continue
    }
    Get-CommandHelp -Command $cmd -Doc $docs[$cmd.Name] -Problems $problems
}
foreach ($name in $docs.Keys) {
    if ($name -notin $metadata.Commands.Name) { $problems.Add("$name.md: $ModuleName has no cmdlet $name (a stale or misnamed file).") }
}

$aboutFiles = @(Get-ChildItem $SourceDir -Filter 'about_*.md')
if (-not ($aboutFiles | Where-Object BaseName -eq "about_$ModuleName")) { $problems.Add("about_$ModuleName.md is missing from $SourceDir.") }
$abouts = foreach ($f in $aboutFiles) {
    [pscustomobject]@{ Name = $f.BaseName; Text = (ConvertTo-AboutText -Doc (Read-HelpMarkdown -Path $f.FullName -Problems $problems) -Problems $problems) }
}

if ($problems.Count) {
    throw "Help for $ModuleName is incomplete ($($problems.Count) problem(s)):`n  - " + ($problems -join "`n  - ")
}

$target = Join-Path $ModulePath $Culture
$null = New-Item $target -ItemType Directory -Force
$mamlPath = Join-Path $target "$ModuleName.dll-Help.xml"
$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$writer = [System.Xml.XmlWriter]::Create($mamlPath, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($h in $helps) { Write-CommandHelp $writer $h }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally { $writer.Dispose() }

foreach ($a in $abouts) {
    [IO.File]::WriteAllText((Join-Path $target "$($a.Name).help.txt"), $a.Text, [System.Text.UTF8Encoding]::new($false))
}
Write-Host "Help: $(@($helps).Count) cmdlets, $(@($abouts).Count) about topic(s) -> $target"
