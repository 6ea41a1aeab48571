// convokit/testing: the adapter contract suite, runnable against any ChatAdapter.
export {};
