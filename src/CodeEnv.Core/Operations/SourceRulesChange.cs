using System;
using System.Linq;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Python;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Set-CodeEnvRoot's rules of where packages may come from: the index strategy, the index rules and the deny list,
    /// each checked when it is set, and the rules checked again against the sources the change leaves, so no rule names
    /// an index the root does not use (a rule would then pin its names to nowhere, and a typo would pass unseen).
    /// </summary>
    internal static class SourceRulesChange
    {
        /// <summary>Refuses a rule or an entry that does not read, before anything is changed.</summary>
        public static void Validate(RootSettingsChange change)
        {
            foreach (var rule in change.IndexRules ?? Array.Empty<IndexRule>())
            {
                if (rule == null)
                {
                    throw new CodeEnvException(ErrorIds.IndexRuleInvalid, "-IndexRule: a rule is missing. Give @{ Pattern = 'acme-*'; Index = 'https://pypi.internal/simple' }.", "");
                }

                if (NamePattern.TryParse(rule.Pattern ?? "", out var problem) == null)
                {
                    throw new CodeEnvException(ErrorIds.IndexRuleInvalid, $"-IndexRule '{rule}': {problem}. Give @{{ Pattern = 'acme-*'; Index = 'https://pypi.internal/simple' }}.", rule.ToString());
                }

                if (!Uri.TryCreate(rule.Index ?? "", UriKind.Absolute, out var index) || (index.Scheme != Uri.UriSchemeHttp && index.Scheme != Uri.UriSchemeHttps))
                {
                    throw new CodeEnvException(ErrorIds.IndexRuleInvalid, $"-IndexRule '{rule}': the index '{rule.Index}' is not an http or https URL. Give the root's index URL or one of its extra index URLs, such as https://pypi.internal/simple.", rule.ToString());
                }
            }

            foreach (var entry in change.DeniedPackages ?? Array.Empty<DeniedPackage>())
            {
                var problem = "an entry is missing";
                if (entry == null || !DenyList.Parse(entry.Package ?? "", out _, out _, out problem))
                {
                    throw new CodeEnvException(ErrorIds.DeniedPackageInvalid, $"-DeniedPackage: {problem}. Give a name or pattern with an optional version specifier, such as 'evil-*' or 'requests==2.0 # CVE-2023-32681'.", entry?.Package ?? "");
                }
            }
        }

        /// <summary>Stores the change, then refuses a rule whose index the root's sources, as changed, do not hold.</summary>
        public static void Apply(RootSettingsChange change, RootSettingsDocument settings)
        {
            var sources = settings.PackageSources;
            sources.IndexStrategy = change.IndexStrategy ?? sources.IndexStrategy;
            sources.IndexRules = change.IndexRules?.Select(r => new IndexRule { Pattern = r.Pattern.Trim(), Index = SourceSecrets.WithoutCredentials(r.Index.Trim()) }).ToList() ?? sources.IndexRules;
            settings.DeniedPackages = change.DeniedPackages?.Select(d => new DeniedPackage { Package = d.Package.Trim(), Reason = string.IsNullOrWhiteSpace(d.Reason) ? null : d.Reason!.Trim() }).ToList() ?? settings.DeniedPackages;

            var indexes = new[] { sources.IndexUrl ?? PipArguments.DefaultIndexUrl }.Concat(sources.ExtraIndexUrls).ToList();
            var stray = sources.IndexRules.FirstOrDefault(r => !indexes.Any(i => IndexPins.SameIndex(i, r.Index)));
            if (stray != null)
            {
                throw new CodeEnvException(
                    ErrorIds.IndexRuleInvalid,
                    $"The index rule '{stray}' names an index the root does not use; its indexes are {string.Join(", ", indexes.Select(i => "'" + SourceSecrets.Redact(i) + "'"))}. Name one of them, or add the index first (Set-CodeEnvRoot -ExtraIndexUrl). Nothing was changed.",
                    stray.ToString());
            }
        }
    }
}
