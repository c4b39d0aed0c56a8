// Every unit test gets a real, empty IndexedDB implementation.
import 'fake-indexeddb/auto';
