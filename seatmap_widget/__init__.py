"""seatmap_widget"""
