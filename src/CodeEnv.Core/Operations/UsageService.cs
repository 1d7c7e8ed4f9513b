using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Requirements;
using CodeEnv.Security;
using CodeEnv.Usage;

namespace CodeEnv.Operations
{
    /// <summary>Declared consumers, recorded usages and the unused report (Add-/Remove-CodeEnvConsumer, Get-CodeEnvUsage, Get-CodeEnvUnused).</summary>
    public sealed class UsageService : IUsageService
    {
        private const int MaxIdLength = 200;
        private const int MaxTextLength = 1000;

        private readonly EngineContext context;

        internal UsageService(EngineContext context)
        {
            this.context = context;
        }

        /// <summary>Declares a consumer; one of the same kind and id is replaced (its declarer or the env's owner may replace it).</summary>
        public Task<EnvironmentConsumer> AddConsumerAsync(string name, ConsumerDeclaration declaration, IProgress<OperationReport>? progress, CancellationToken cancellation) =>
            Task.Run(() =>
            {
                var packages = Validate(declaration);
                var caller = context.Caller;
                return Edit(name, "Add-CodeEnvConsumer", "declare a consumer of", progress, cancellation, (definition, settings, consumers) =>
                {
                    var existing = consumers.FirstOrDefault(c => c.Is(declaration.Kind, declaration.Id));
                    if (existing != null)
                    {
                        RequireDeclarerOrOwner(existing, definition, settings, "replace");
                        consumers.Remove(existing);
                    }

                    var consumer = new StoredConsumer
                    {
                        Kind = declaration.Kind,
                        Id = declaration.Id.Trim(),
                        Owner = string.IsNullOrWhiteSpace(declaration.Owner) ? caller.UserName : declaration.Owner!.Trim(),
                        Description = string.IsNullOrWhiteSpace(declaration.Description) ? null : declaration.Description!.Trim(),
                        Packages = packages,
                        DeclaredBy = caller.UserName,
                        DeclaredAt = context.Clock.UtcNow,
                    };
                    consumers.Add(consumer);
                    return View(definition.Name, consumer);
                });
            }, cancellation);

        public Task RemoveConsumerAsync(string name, ConsumerKind kind, string id, IProgress<OperationReport>? progress, CancellationToken cancellation) =>
            Task.Run(() => Edit(name, "Remove-CodeEnvConsumer", "remove a consumer of", progress, cancellation, (definition, settings, consumers) =>
            {
                var existing = consumers.FirstOrDefault(c => c.Is(kind, id ?? ""))
                    ?? throw new CodeEnvException(
                        ErrorIds.ConsumerNotFound,
                        $"The env '{definition.Name}' has no declared consumer {kind} '{PrintableText.Of(id)}'. Get-CodeEnvUsage -Name {definition.Name} lists its consumers.",
                        id);
                RequireDeclarerOrOwner(existing, definition, settings, "remove");
                consumers.Remove(existing);
                return true;
            }), cancellation);

        public Task<IReadOnlyList<EnvironmentConsumer>> ConsumersAsync(string name, CancellationToken cancellation) =>
            Task.Run<IReadOnlyList<EnvironmentConsumer>>(() =>
            {
                var definition = Readable(name);
                return ConsumerFile.Read(context.Paths, definition.Name).Select(c => View(definition.Name, c)).ToList();
            }, cancellation);

        public Task<IReadOnlyList<EnvironmentUsage>> UsagesAsync(string name, CancellationToken cancellation) =>
            Task.Run<IReadOnlyList<EnvironmentUsage>>(() =>
            {
                var definition = Readable(name);
                return UsageRecords.Read(context.Paths, definition.Name)
                    .Select(r => new EnvironmentUsage(definition.Name, context.Paths.Root, r.Kind, r.User, r.Target, r.LastUsed))
                    .ToList();
            }, cancellation);

        public Task<IReadOnlyList<UnusedEnvironment>> UnusedAsync(int? days, bool includeDeclared, CancellationToken cancellation) =>
            Task.Run<IReadOnlyList<UnusedEnvironment>>(() =>
            {
                if (days < 0)
                {
                    throw new CodeEnvException(ErrorIds.UnusedAfterDaysInvalid, $"-Days {days} is negative: give 0 or more days.", days);
                }

                var settings = context.Settings();
                var caller = context.Caller;
                var threshold = days ?? settings.UnusedAfterDays ?? RootSettingsDocument.DefaultUnusedAfterDays;
                var now = context.Clock.UtcNow;
                var unused = new List<UnusedEnvironment>();
                foreach (var name in context.Store.Names())
                {
                    cancellation.ThrowIfCancellationRequested();
                    EnvironmentDefinition definition;
                    try
                    {
                        definition = context.Store.Read(name);
                    }
                    catch (CodeEnvException)
                    {
                        // A damaged or vanished env is Test-CodeEnv's to report, not a reason to stop the report.
                        continue;
                    }

                    // Who used an env is shown to those who may use it, as its history is.
                    if (AccessPolicy.RightsOn(definition, settings, caller) < EnvironmentRight.Use)
                    {
                        continue;
                    }

                    // An archived env was already acted on: the report is what is left to decide.
                    if (context.Marks.IsArchived(definition.Name))
                    {
                        continue;
                    }

                    var consumers = ConsumerFile.Read(context.Paths, name);
                    if (consumers.Count > 0 && !includeDeclared)
                    {
                        continue;
                    }

                    var (since, by) = IdleTime.Of(context.Info(definition).IdleSince, UsageRecords.Read(context.Paths, name));
                    if (IdleTime.IsUnused(since, now, threshold))
                    {
                        unused.Add(new UnusedEnvironment(name, context.Paths.Root, since, IdleTime.Days(since, now), by, consumers.Select(c => c.Describe())));
                    }
                }

                return unused.OrderBy(u => u.IdleSince).ThenBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToList();
            }, cancellation);

        private EnvironmentDefinition Readable(string name)
        {
            var definition = context.Read(name);
            AccessPolicy.Require(definition, context.Settings(), context.Caller, EnvironmentRight.Use, "read the usages of");
            return definition;
        }

        /// <summary>consumers.json changes under the env's lock, as its definition does, and is written atomically.</summary>
        private T Edit<T>(string name, string operation, string action, IProgress<OperationReport>? progress, CancellationToken cancellation, Func<EnvironmentDefinition, RootSettingsDocument, List<StoredConsumer>, T> edit)
        {
            var canonical = context.Canonical(name);
            var settings = context.Settings();
            using (context.Locks.Acquire(canonical, operation, settings, ProgressReporter.For(progress), cancellation))
            {
                var definition = context.Store.Read(canonical);
                AccessPolicy.Require(definition, settings, context.Caller, EnvironmentRight.Use, action);
                var consumers = ConsumerFile.Read(context.Paths, canonical);
                var result = edit(definition, settings, consumers);
                ConsumerFile.Write(context.Paths, canonical, consumers.OrderBy(c => c.Kind).ThenBy(c => c.Id, StringComparer.OrdinalIgnoreCase).ToList());
                return result;
            }
        }

        private void RequireDeclarerOrOwner(StoredConsumer consumer, EnvironmentDefinition definition, RootSettingsDocument settings, string action)
        {
            var caller = context.Caller;
            if (!string.Equals(consumer.DeclaredBy, caller.UserName, StringComparison.Ordinal))
            {
                AccessPolicy.Require(definition, settings, caller, EnvironmentRight.Own, $"{action} the consumer {consumer.Kind} '{consumer.Id}' that {consumer.DeclaredBy} declared on");
            }
        }

        private EnvironmentConsumer View(string name, StoredConsumer c) =>
            new EnvironmentConsumer(name, context.Paths.Root, c.Kind, c.Id, c.Owner, c.Description, c.Packages, c.DeclaredBy, c.DeclaredAt);

        /// <summary>The declaration's normalized package names, once its id and texts are known to be fit for a file and a message.</summary>
        private static List<string> Validate(ConsumerDeclaration declaration)
        {
            if (declaration == null || !Enum.IsDefined(typeof(ConsumerKind), declaration.Kind))
            {
                throw Invalid("The consumer's -Kind must be one of ScheduledTask, Service, NotebookProject, Cron or Other.", declaration?.Kind);
            }

            var id = declaration.Id?.Trim() ?? "";
            if (id.Length == 0 || id.Length > MaxIdLength || PrintableText.Of(id) != id)
            {
                throw Invalid($"The consumer's -Id '{PrintableText.Of(id)}' must be 1 to {MaxIdLength} characters without control characters, such as '\\Reports\\Nightly' or 'scoring.service'.", id);
            }

            foreach (var text in new[] { declaration.Owner, declaration.Description })
            {
                if (text != null && (text.Length > MaxTextLength || PrintableText.Of(text) != text))
                {
                    throw Invalid($"The consumer's -Owner and -Description must be at most {MaxTextLength} characters without control characters: '{PrintableText.Of(text)}'.", text);
                }
            }

            var invalid = (declaration.Packages ?? new string[0]).FirstOrDefault(p => p == null || !PackageName.IsValid(p.Trim()));
            if (invalid != null || (declaration.Packages?.Count ?? 0) > 1000)
            {
                throw Invalid($"The consumer's -Package '{PrintableText.Of(invalid)}' is not a package name: give names such as 'numpy' or 'scikit-learn', without versions.", invalid);
            }

            return (declaration.Packages ?? new string[0]).Select(p => PackageName.Normalize(p.Trim())).Distinct(StringComparer.Ordinal).ToList();
        }

        private static CodeEnvException Invalid(string message, object? target) => new CodeEnvException(ErrorIds.ConsumerInvalid, message, target);
    }
}
