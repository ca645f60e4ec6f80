namespace SocialInfra.Networks;

/// <summary>
/// Members as nodes and relationships as undirected links (two members linked in several ways are one connection),
/// with the usual measures of who is central: degree and betweenness.
/// </summary>
public sealed class NetworkGraph<TNode> where TNode : notnull
{
    private readonly Dictionary<TNode, HashSet<TNode>> _neighbours = [];

    public NetworkGraph(IEnumerable<TNode> nodes, IEnumerable<(TNode From, TNode To)> links)
    {
        foreach (var node in nodes)
        {
            _neighbours.TryAdd(node, []);
        }
        foreach (var (from, to) in links)
        {
            if (EqualityComparer<TNode>.Default.Equals(from, to) || !_neighbours.ContainsKey(from) || !_neighbours.ContainsKey(to))
            {
                continue;
            }
            _neighbours[from].Add(to);
            _neighbours[to].Add(from);
        }
    }

    public IReadOnlyCollection<TNode> Nodes => _neighbours.Keys;

    /// <summary>Pairs of members linked by at least one relationship.</summary>
    public int Connections => _neighbours.Values.Sum(n => n.Count) / 2;

    /// <summary>Connections as a share of all possible pairs; null with fewer than two members.</summary>
    public double? Density => Nodes.Count < 2 ? null : Connections / (Nodes.Count * (Nodes.Count - 1) / 2.0);

    public IReadOnlySet<TNode> Neighbours(TNode node) => _neighbours[node];

    /// <summary>How many other members a member is linked to.</summary>
    public int Degree(TNode node) => _neighbours[node].Count;

    /// <summary>Members with no relationship at all.</summary>
    public IEnumerable<TNode> Isolated => _neighbours.Where(n => n.Value.Count == 0).Select(n => n.Key);

    /// <summary>
    /// For each member, over every pair of other members, the share of the pair's shortest paths that pass through it
    /// (Brandes' algorithm on the undirected graph; each pair counted once).
    /// </summary>
    public Dictionary<TNode, double> Betweenness()
    {
        var nodes = _neighbours.Keys.ToList();
        var centrality = nodes.ToDictionary(n => n, _ => 0.0);
        foreach (var source in nodes)
        {
            var stack = new Stack<TNode>();
            var predecessors = nodes.ToDictionary(n => n, _ => new List<TNode>());
            var paths = nodes.ToDictionary(n => n, _ => 0.0);
            var distance = nodes.ToDictionary(n => n, _ => -1);
            paths[source] = 1;
            distance[source] = 0;
            var queue = new Queue<TNode>();
            queue.Enqueue(source);
            while (queue.Count > 0)
            {
                var v = queue.Dequeue();
                stack.Push(v);
                foreach (var w in _neighbours[v])
                {
                    if (distance[w] < 0)
                    {
                        distance[w] = distance[v] + 1;
                        queue.Enqueue(w);
                    }
                    if (distance[w] == distance[v] + 1)
                    {
                        paths[w] += paths[v];
                        predecessors[w].Add(v);
                    }
                }
            }
            var dependency = nodes.ToDictionary(n => n, _ => 0.0);
            while (stack.Count > 0)
            {
                var w = stack.Pop();
                foreach (var v in predecessors[w])
                {
                    dependency[v] += paths[v] / paths[w] * (1 + dependency[w]);
                }
                if (!EqualityComparer<TNode>.Default.Equals(w, source))
                {
                    centrality[w] += dependency[w];
                }
            }
        }
        // Each unordered pair was counted from both ends.
        foreach (var node in nodes)
        {
            centrality[node] /= 2;
        }
        return centrality;
    }
}
