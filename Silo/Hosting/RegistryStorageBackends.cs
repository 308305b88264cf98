using Orleans.Hosting;
using OrleansRegistry.Storage;
using StackExchange.Redis;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>Where grain state and reminders live: the provider <c>Registry:Storage</c> names.</summary>
internal static class RegistryStorageBackends
{
    public static ISiloBuilder AddRegistryStorage(this ISiloBuilder silo, RegistryOptions registry)
    {
        // Stored state is plain JSON rather than type-named Newtonsoft JSON: readable, and not tied to CLR type names.
        silo.UseSystemTextJsonGrainStorageSerializer();
        switch (registry.Storage)
        {
            case StorageKind.Memory:
                silo.AddMemoryGrainStorage(RegistryStorage.Name);
                silo.UseInMemoryReminderService();
                break;
            case StorageKind.AzureStorage:
                var azure = registry.AzureStorage.ConnectionString;
                silo.AddAzureTableGrainStorage(RegistryStorage.Name, table => table.TableServiceClient = AzureStorageClients.CreateTableServiceClient(azure));
                silo.UseAzureTableReminderService(reminders => reminders.TableServiceClient = AzureStorageClients.CreateTableServiceClient(azure));
                break;
            case StorageKind.Redis:
                var redis = registry.Redis.ConnectionString;
                silo.AddRedisGrainStorage(RegistryStorage.Name, storage => storage.ConfigurationOptions = ConfigurationOptions.Parse(redis));
                silo.UseRedisReminderService(reminders => reminders.ConfigurationOptions = ConfigurationOptions.Parse(redis));
                break;
            case StorageKind.AdoNet:
                var postgres = registry.AdoNet.ConnectionString;
                silo.AddAdoNetGrainStorage(RegistryStorage.Name, storage =>
                {
                    storage.Invariant = AdoNetOptions.Invariant;
                    storage.ConnectionString = postgres;
                });
                silo.UseAdoNetReminderService(reminders =>
                {
                    reminders.Invariant = AdoNetOptions.Invariant;
                    reminders.ConnectionString = postgres;
                });
                break;
        }

        return silo;
    }
}
